// Printable documents: gathers a handout's or a progress report's data and renders the PDF.
import type { PdfDocument } from '@shared/api'
import { baselineFor } from '@shared/calc/compare'
import { conflict, notFound } from '@shared/domain/errors'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { renderHandout, type HandoutData } from '../pdf/handout'
import { programChanges } from '../pdf/program-changes'
import { renderProgressReport, type ProgressReportData } from '../pdf/progress-report'
import { listAuditForPatient } from './audit'
import { today, type ServiceContext } from './context'
import { findExercises } from './exercises'
import { requirePatient } from './patients'
import { loadPrograms } from './programs'
import { readSettings } from './settings'
import { loadVisits } from './visits'

export const NO_FOLLOW_UP = 'A progress report needs a baseline visit and at least one later visit.'

// Characters Windows, macOS or Linux refuse in file names; letters of every script stay.
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/** "Łukasiewicz-O'Brien Zoë – Handout – 2026-11-26.pdf": sorts by surname in a folder. */
export function documentFileName(person: { firstName: string; lastName: string }, kind: string, date: string): string {
  const name = `${person.lastName} ${person.firstName}`.replace(ILLEGAL, ' ').replace(/\s+/g, ' ').trim()
  // Keep well under the 255-byte limit of common file systems, even for 120-character names.
  const short = Array.from(name).slice(0, 80).join('').replace(/[ .]+$/, '')
  return `${short || 'Patient'} – ${kind} – ${date}.pdf`
}

async function handoutData(ctx: ServiceContext, input: { programId: number }): Promise<HandoutData> {
  const [program] = await loadPrograms(ctx.db, { programIds: [input.programId] })
  if (!program) throw notFound('Program', ['programId'])
  const [patient, settings, exercises] = await Promise.all([
    requirePatient(ctx.db, program.patientId),
    readSettings(ctx.db),
    findExercises(ctx.db, program.items.map((i) => i.exerciseId)),
  ])
  return { settings, patient, program, exercises: [...exercises.values()], printedOn: today(ctx) }
}

export async function buildHandout(ctx: ServiceContext, input: { programId: number }): Promise<Buffer> {
  return renderHandout(await handoutData(ctx, input))
}

/** The visits a report about `program` compares: from its start (or the baseline before it) to its end. */
function inPeriod(visits: Visit[], program: Program | null): Visit[] {
  if (!program) return visits
  const end = program.endDate ?? '9999-12-31'
  const within = visits.filter((v) => v.visitDate <= end)
  const first = within.find((v) => v.visitDate >= program.startDate)
  // The baseline is often measured on the day the program is assigned, sometimes a little before.
  const baseline = first ? baselineFor(within, first) : null
  const from = baseline && baseline.visitDate < program.startDate ? baseline.visitDate : program.startDate
  return within.filter((v) => v.visitDate >= from)
}

async function progressReportData(ctx: ServiceContext, input: { patientId: number; programId?: number | null }): Promise<ProgressReportData> {
  const patient = await requirePatient(ctx.db, input.patientId)
  const [programs, allVisits, settings, audit] = await Promise.all([
    loadPrograms(ctx.db, { patientId: patient.id }),
    loadVisits(ctx.db, { patientId: patient.id }),
    readSettings(ctx.db),
    listAuditForPatient(ctx, { patientId: patient.id }),
  ])
  let program: Program | null
  if (input.programId !== undefined && input.programId !== null) {
    program = programs.find((p) => p.id === input.programId) ?? null
    if (!program) throw notFound('Program', ['programId'])
  } else {
    // The active program, else the most recent one (programs come newest first).
    program = programs.find((p) => p.status === 'active') ?? programs[0] ?? null
  }
  const visits = inPeriod(allVisits, program)
  const latest = visits[visits.length - 1]
  const baseline = latest ? baselineFor(visits, latest) : null
  const later = baseline ? visits.filter((v) => v.visitDate > baseline.visitDate || (v.visitDate === baseline.visitDate && v.id > baseline.id)) : []
  if (!baseline || later.length === 0) throw conflict(NO_FOLLOW_UP)
  const reviews = later.filter((v) => v.kind === 'review')
  const comparison = reviews[reviews.length - 1] ?? later[later.length - 1]!
  const exercises = await findExercises(ctx.db, program ? program.items.map((i) => i.exerciseId) : [])
  const changes = program ? programChanges(audit.filter((a) => a.entity === 'program' && a.entityId === program.id), exercises) : []
  return {
    settings,
    patient,
    program,
    programChanges: changes,
    exercises: [...exercises.values()],
    visits: visits.filter((v) => v.visitDate >= baseline.visitDate),
    baseline,
    comparison,
    printedOn: today(ctx),
  }
}

export async function buildProgressReport(ctx: ServiceContext, input: { patientId: number; programId?: number | null }): Promise<Buffer> {
  return renderProgressReport(await progressReportData(ctx, input))
}

/** Contract handler: the handout as base64 with its file name. */
export async function handoutDocument(ctx: ServiceContext, input: { programId: number }): Promise<PdfDocument> {
  const data = await handoutData(ctx, input)
  const pdf = await renderHandout(data)
  return { fileName: documentFileName(data.patient, 'Handout', data.printedOn), pdfBase64: pdf.toString('base64') }
}

export async function progressReportDocument(ctx: ServiceContext, input: { patientId: number; programId?: number | null }): Promise<PdfDocument> {
  const data = await progressReportData(ctx, input)
  const pdf = await renderProgressReport(data)
  return { fileName: documentFileName(data.patient, 'Progress report', data.printedOn), pdfBase64: pdf.toString('base64') }
}
