// Printable documents: gathers a handout's or a progress report's data and renders the PDF.
import type { PdfDocument } from '@shared/api'
import { baselineFor } from '@shared/calc/compare'
import { conflict, notFound } from '@shared/domain/errors'
import { exerciseIn, type Exercise } from '@shared/domain/exercise'
import type { Program, ProgramItem } from '@shared/domain/program'
import type { Settings } from '@shared/domain/settings'
import type { Visit } from '@shared/domain/visit'
import { documentTranslator } from '@shared/i18n/documents'
import type { Language } from '@shared/i18n/languages'
import { assertPrintable } from '../pdf/fonts'
import { renderHandout, type HandoutData } from '../pdf/handout'
import { programChanges } from '../pdf/program-changes'
import { renderProgressReport, type BaselineSource, type ProgressReportData } from '../pdf/progress-report'
import { listAuditForPatient } from './audit'
import { today, type ServiceContext } from './context'
import { findExercises } from './exercises'
import { requirePatient } from './patients'
import { loadPrograms } from './programs'
import { readSettings } from './settings'
import { loadVisits, notVoided } from './visits'

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

/**
 * The program's exercises in the document's language (or the clinic's, for an exercise without a
 * text in it), and its items with the names, stages and repetitions text to print.
 */
function inLanguage(exercises: Map<number, Exercise>, language: Language, clinic: Language) {
  const local = new Map([...exercises].map(([id, e]) => [id, exerciseIn(e, language, clinic)]))
  const localize = (item: ProgramItem): ProgramItem => {
    const base = exercises.get(item.exerciseId)
    const l = local.get(item.exerciseId)
    if (!base || !l || l === base) return item
    // A repetitions text still as the exercise gave it is printed in the document's language.
    const repsText = item.repsText !== null && item.repsText === base.dosage.repsText ? l.dosage.repsText : item.repsText
    return { ...item, exerciseName: l.name, stages: l.stages, repsText }
  }
  return { local, localize }
}

type Printable = Parameters<typeof assertPrintable>[0]

function clinicTexts(s: Settings): Printable {
  return [
    { what: 'The clinic’s name', text: s.clinicName },
    { what: 'The clinic’s address', text: s.address },
    { what: 'The clinic’s phone', text: s.phone ?? '' },
    { what: 'The clinic’s email', text: s.email ?? '' },
  ]
}

function exerciseTexts(exercises: Iterable<Exercise>): Printable {
  return [...exercises].flatMap((e) =>
    [e.name, e.purpose, ...e.steps, ...e.mistakes, ...e.stages, e.safety, e.dosage.repsText ?? ''].map((text) => ({ what: `The exercise “${e.name}”`, text })),
  )
}

function programTexts(program: Program): Printable {
  return [
    { what: 'The program’s name', text: program.name },
    { what: 'The therapist’s name', text: program.therapistName },
    ...program.items.flatMap((i) => [
      { what: `The notes for “${i.exerciseName}”`, text: i.notes },
      { what: `The repetitions for “${i.exerciseName}”`, text: i.repsText ?? '' },
    ]),
  ]
}

async function handoutData(ctx: ServiceContext, input: { programId: number; language?: Language }): Promise<HandoutData> {
  const [stored] = await loadPrograms(ctx.db, { programIds: [input.programId] })
  if (!stored) throw notFound('Program', ['programId'])
  const [patient, settings, exercises] = await Promise.all([
    requirePatient(ctx.db, stored.patientId),
    readSettings(ctx.db),
    findExercises(ctx.db, stored.items.map((i) => i.exerciseId)),
  ])
  const language = input.language ?? patient.preferredLanguage
  const { local, localize } = inLanguage(exercises, language, settings.language)
  const program = { ...stored, items: stored.items.map(localize) }
  assertPrintable([
    { what: 'The patient’s name', text: `${patient.firstName} ${patient.lastName}` },
    ...clinicTexts(settings),
    ...programTexts(program),
    ...exerciseTexts(local.values()),
  ])
  return { settings, patient, program, exercises: [...local.values()], printedOn: today(ctx), language }
}

export async function buildHandout(ctx: ServiceContext, input: { programId: number; language?: Language }): Promise<Buffer> {
  return renderHandout(await handoutData(ctx, input))
}

/**
 * The visits a report about `program` compares: those recorded under it, from its baseline on.
 * Visits of other programs never enter a report; when the program has no baseline visit of its
 * own, the latest baseline before its start is borrowed and the report says where it came from.
 */
function reportVisits(all: Visit[], programs: Program[], program: Program | null): { visits: Visit[]; baseline: Visit | null; source: BaselineSource } {
  if (!program) return { visits: all, baseline: baselineFor(all), source: { kind: 'own' } }
  const own = all.filter((v) => v.programId === program.id)
  if (own.some((v) => v.kind === 'baseline')) return { visits: own, baseline: baselineFor(own), source: { kind: 'own' } }
  const earlier = all.filter((v) => v.programId !== program.id && v.kind === 'baseline' && v.visitDate <= program.startDate)
  const borrowed = earlier[earlier.length - 1]
  if (borrowed) {
    const from = programs.find((p) => p.id === borrowed.programId)
    return {
      visits: [borrowed, ...own],
      baseline: borrowed,
      source: { kind: 'earlier', program: from ? { name: from.name, startDate: from.startDate } : null },
    }
  }
  return { visits: own, baseline: own[0] ?? null, source: { kind: 'first_visit' } }
}

type ReportInput = { patientId: number; programId?: number | null; language?: Language }

async function progressReportData(ctx: ServiceContext, input: ReportInput): Promise<ProgressReportData> {
  const patient = await requirePatient(ctx.db, input.patientId)
  const [programs, allVisits, settings, audit] = await Promise.all([
    loadPrograms(ctx.db, { patientId: patient.id }),
    loadVisits(ctx.db, { patientId: patient.id }).then((visits) => visits.filter(notVoided)),
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
  const { visits, baseline, source } = reportVisits(allVisits, programs, program)
  const later = baseline ? visits.filter((v) => v.visitDate > baseline.visitDate || (v.visitDate === baseline.visitDate && v.id > baseline.id)) : []
  if (!baseline || later.length === 0) throw conflict(NO_FOLLOW_UP)
  const reviews = later.filter((v) => v.kind === 'review')
  const comparison = reviews[reviews.length - 1] ?? later[later.length - 1]!
  const exercises = await findExercises(ctx.db, program ? program.items.map((i) => i.exerciseId) : [])
  // The clinic's language unless the report is printed for the patient in theirs.
  const language = input.language ?? settings.language
  const { local, localize } = inLanguage(exercises, language, settings.language)
  const changes = program ? programChanges(audit.filter((a) => a.entity === 'program' && a.entityId === program.id), local, language, localize) : []
  const shown = program ? { ...program, items: program.items.map(localize) } : null
  assertPrintable([
    { what: 'The patient’s name', text: `${patient.firstName} ${patient.lastName}` },
    { what: 'The therapist’s name', text: comparison.therapistName },
    { what: 'The comments of the visit', text: comparison.notes },
    ...clinicTexts(settings),
    ...(shown ? programTexts(shown) : []),
    ...exerciseTexts(local.values()),
    ...changes.flatMap((c) => [
      { what: 'A program change', text: c.lines.join(' ') },
      { what: 'The reason for a program change', text: c.reason ?? '' },
      { what: 'The therapist’s name', text: c.by ?? '' },
    ]),
  ])
  return {
    settings,
    patient,
    program: shown,
    programChanges: changes,
    exercises: [...local.values()],
    language,
    visits: visits.filter((v) => v.visitDate >= baseline.visitDate),
    baseline,
    baselineSource: source,
    comparison,
    printedOn: today(ctx),
  }
}

export async function buildProgressReport(ctx: ServiceContext, input: ReportInput): Promise<Buffer> {
  return renderProgressReport(await progressReportData(ctx, input))
}

/** Contract handler: the handout as base64 with its file name. */
export async function handoutDocument(ctx: ServiceContext, input: { programId: number; language?: Language }): Promise<PdfDocument> {
  const data = await handoutData(ctx, input)
  const pdf = await renderHandout(data)
  const kind = documentTranslator(data.language ?? 'en')('handout.fileName')
  return { fileName: documentFileName(data.patient, kind, data.printedOn), pdfBase64: pdf.toString('base64') }
}

export async function progressReportDocument(ctx: ServiceContext, input: ReportInput): Promise<PdfDocument> {
  const data = await progressReportData(ctx, input)
  const pdf = await renderProgressReport(data)
  const kind = documentTranslator(data.language ?? 'en')('report.fileName')
  return { fileName: documentFileName(data.patient, kind, data.printedOn), pdfBase64: pdf.toString('base64') }
}
