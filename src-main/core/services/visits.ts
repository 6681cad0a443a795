// Visits: record both feet and symptoms in one transaction; correct with the old values kept.
import type { z } from 'zod'
import { conflict, invalidInput, notFound } from '@shared/domain/errors'
import type { ArchHeightMethod } from '@shared/domain/settings'
import {
  SIDES,
  SYMPTOM_REGIONS,
  MEASURE_KEYS,
  type FootInputValue,
  type FootMeasurement,
  type SymptomRegion,
  type Symptoms,
  type Visit,
  type VisitCorrectInput,
  type VisitRecordInput,
} from '@shared/domain/visit'
import type { Insertable } from 'kysely'
import { compiledOnce } from '../db/compiled-once'
import type { MeasurementRow, MeasurementsTable, VisitsTable } from '../db/schema'
import { recordAudit } from './audit'
import { nowIso, today, type Db, type ServiceContext } from './context'
import { requirePatient } from './patients'
import { readSettings } from './settings'
import { requireActiveTherapist } from './therapists'

type RecordInput = z.output<typeof VisitRecordInput>
type CorrectInput = z.output<typeof VisitCorrectInput>
type VisitFields = Omit<RecordInput, 'patientId'>

const emptySymptoms = (): Symptoms => ({ foot_heel: null, knee: null, low_back: null, neck: null, headache: null })

const toFoot = (m: MeasurementRow): FootMeasurement => ({
  footLengthMm: m.foot_length_mm,
  truncatedFootLengthMm: m.truncated_foot_length_mm,
  archHeightMm: m.arch_height_mm,
  archHeightMethod: m.arch_height_method,
  navicularSittingMm: m.navicular_sitting_mm,
  navicularStandingMm: m.navicular_standing_mm,
})

type VisitsOf = { patientId: number } | { visitId: number }
const whose = (where: VisitsOf) => ('patientId' in where ? 'patient' : 'visit')

const visitRows = compiledOnce(
  (db, p: { id: number }, of: VisitsOf) => {
    const q = db.selectFrom('visits as v').innerJoin('therapists as t', 't.id', 'v.therapist_id').selectAll('v').select('t.display_name as therapist_name')
    return ('patientId' in of ? q.where('v.patient_id', '=', p.id) : q.where('v.id', '=', p.id)).orderBy('v.visit_date').orderBy('v.id')
  },
  whose,
)

// The details are selected by the same condition as the visits (not by a list of their ids), so
// the SQL text stays the same whatever the number of visits and is compiled once.
const measurementRows = compiledOnce(
  (db, p: { id: number }, of: VisitsOf) =>
    db
      .selectFrom('measurements')
      .selectAll()
      .where('visit_id', 'in', 'patientId' in of ? db.selectFrom('visits').select('id').where('patient_id', '=', p.id) : db.selectFrom('visits').select('id').where('id', '=', p.id)),
  whose,
)

const scoreRows = compiledOnce(
  (db, p: { id: number }, of: VisitsOf) =>
    db
      .selectFrom('symptom_scores')
      .selectAll()
      .where('visit_id', 'in', 'patientId' in of ? db.selectFrom('visits').select('id').where('patient_id', '=', p.id) : db.selectFrom('visits').select('id').where('id', '=', p.id)),
  whose,
)

/** Visits with their feet and symptoms, in three queries whatever their number. */
export async function loadVisits(db: Db, where: VisitsOf): Promise<Visit[]> {
  const id = { id: 'patientId' in where ? where.patientId : where.visitId }
  const rows = await visitRows.execute(db, id, where)
  if (rows.length === 0) return []
  const [measurements, scores] = await Promise.all([measurementRows.execute(db, id, where), scoreRows.execute(db, id, where)])
  const byVisit = new Map<number, Visit>()
  const visits = rows.map((r) => {
    const v: Visit = {
      id: r.id,
      patientId: r.patient_id,
      visitDate: r.visit_date,
      therapistId: r.therapist_id,
      therapistName: r.therapist_name,
      kind: r.kind,
      left: null,
      right: null,
      symptoms: emptySymptoms(),
      headacheDays: r.headache_days,
      notes: r.notes,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      corrected: r.corrected === 1,
    }
    byVisit.set(r.id, v)
    return v
  })
  for (const m of measurements) {
    const v = byVisit.get(m.visit_id)
    if (v) v[m.side] = toFoot(m)
  }
  for (const s of scores) {
    const v = byVisit.get(s.visit_id)
    if (v) v.symptoms[s.region] = s.score
  }
  return visits
}

async function loadVisit(db: Db, id: number): Promise<Visit | null> {
  return (await loadVisits(db, { visitId: id }))[0] ?? null
}

const hasValue = (f: FootInputValue | null): f is FootInputValue => f !== null && MEASURE_KEYS.some((k) => f[k] !== null)

async function checkDates(ctx: ServiceContext, visitDate: string, dateOfBirth: string): Promise<void> {
  if (visitDate > today(ctx)) throw invalidInput([{ path: ['visitDate'], message: 'Visit date cannot be in the future' }])
  if (visitDate < dateOfBirth) throw invalidInput([{ path: ['visitDate'], message: 'Visit date cannot be before the date of birth' }])
}

const insertMeasurement = compiledOnce((db, p: Required<Omit<Insertable<MeasurementsTable>, 'id'>>) =>
  db.insertInto('measurements').values({
    visit_id: p.visit_id,
    side: p.side,
    foot_length_mm: p.foot_length_mm,
    truncated_foot_length_mm: p.truncated_foot_length_mm,
    arch_height_mm: p.arch_height_mm,
    arch_height_method: p.arch_height_method,
    navicular_sitting_mm: p.navicular_sitting_mm,
    navicular_standing_mm: p.navicular_standing_mm,
  }),
)

/** One statement for all scores of a visit; its shape is which regions were scored. */
const insertScores = compiledOnce(
  (db, p: { visitId: number } & Partial<Record<SymptomRegion, number>>, regions: SymptomRegion[]) =>
    db.insertInto('symptom_scores').values(regions.map((region) => ({ visit_id: p.visitId, region, score: p[region]! }))),
  (regions) => regions.join(),
)

async function writeDetails(db: Db, visitId: number, input: VisitFields, method: ArchHeightMethod): Promise<void> {
  for (const side of SIDES) {
    const f = input[side]
    if (!hasValue(f)) continue
    await insertMeasurement.execute(db, {
      visit_id: visitId,
      side,
      foot_length_mm: f.footLengthMm,
      truncated_foot_length_mm: f.truncatedFootLengthMm,
      arch_height_mm: f.archHeightMm,
      arch_height_method: method,
      navicular_sitting_mm: f.navicularSittingMm,
      navicular_standing_mm: f.navicularStandingMm,
    })
  }
  const regions = SYMPTOM_REGIONS.filter((region) => input.symptoms[region] !== null)
  if (regions.length === 0) return
  const scores: Partial<Record<SymptomRegion, number>> = {}
  for (const region of regions) scores[region] = input.symptoms[region]!
  await insertScores.execute(db, { visitId, ...scores }, regions)
}

/** The patient's active program on the visit date, which the visit is filed under. */
const programOnDate = compiledOnce((db, p: { patientId: number; date: string }) =>
  db
    .selectFrom('programs')
    .select('id')
    .where('patient_id', '=', p.patientId)
    .where('start_date', '<=', p.date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', p.date)]))
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc'),
)

async function programOn(db: Db, patientId: number, date: string): Promise<number | null> {
  return (await programOnDate.executeTakeFirst(db, { patientId, date }))?.id ?? null
}

const insertVisit = compiledOnce((db, p: Required<Omit<Insertable<VisitsTable>, 'id' | 'corrected'>>) =>
  db
    .insertInto('visits')
    .values({
      patient_id: p.patient_id,
      therapist_id: p.therapist_id,
      program_id: p.program_id,
      visit_date: p.visit_date,
      kind: p.kind,
      headache_days: p.headache_days,
      notes: p.notes,
      created_at: p.created_at,
      created_by: p.created_by,
      updated_at: p.updated_at,
      updated_by: p.updated_by,
    })
    .returning('id'),
)

export async function recordVisit(ctx: ServiceContext, input: RecordInput): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const patient = await requirePatient(trx, input.patientId)
    if (patient.archivedAt !== null) throw conflict('This patient is archived; restore the patient before recording a visit')
    await requireActiveTherapist(trx, input.therapistId)
    await checkDates(ctx, input.visitDate, patient.dateOfBirth)
    const method = input.archHeightMethod ?? (await readSettings(trx)).archHeightMethod
    const at = nowIso(ctx)
    const { id } = await insertVisit.executeTakeFirstOrThrow(trx, {
      patient_id: input.patientId,
      therapist_id: input.therapistId,
      program_id: await programOn(trx, input.patientId, input.visitDate),
      visit_date: input.visitDate,
      kind: input.kind,
      headache_days: input.headacheDays,
      notes: input.notes,
      created_at: at,
      created_by: ctx.actorId,
      updated_at: at,
      updated_by: ctx.actorId,
    })
    await writeDetails(trx, id, input, method)
    const visit = (await loadVisit(trx, id))!
    await recordAudit(trx, ctx, { action: 'create', entity: 'visit', entityId: id, patientId: input.patientId, after: visit })
    return visit
  })
}

export async function correctVisit(ctx: ServiceContext, input: CorrectInput): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisit(trx, input.visitId)
    if (!before) throw notFound('Visit', ['visitId'])
    const patient = await requirePatient(trx, before.patientId)
    if (input.therapistId !== before.therapistId) await requireActiveTherapist(trx, input.therapistId)
    await checkDates(ctx, input.visitDate, patient.dateOfBirth)
    // A correction keeps the method the values were taken with unless the form says otherwise.
    const method = input.archHeightMethod ?? before.left?.archHeightMethod ?? before.right?.archHeightMethod ?? (await readSettings(trx)).archHeightMethod
    await trx
      .updateTable('visits')
      .set({
        therapist_id: input.therapistId,
        program_id: await programOn(trx, before.patientId, input.visitDate),
        visit_date: input.visitDate,
        kind: input.kind,
        headache_days: input.headacheDays,
        notes: input.notes,
        updated_at: nowIso(ctx),
        updated_by: ctx.actorId,
        corrected: 1,
      })
      .where('id', '=', input.visitId)
      .execute()
    await trx.deleteFrom('measurements').where('visit_id', '=', input.visitId).execute()
    await trx.deleteFrom('symptom_scores').where('visit_id', '=', input.visitId).execute()
    await writeDetails(trx, input.visitId, input, method)
    const after = (await loadVisit(trx, input.visitId))!
    await recordAudit(trx, ctx, {
      action: 'correct',
      entity: 'visit',
      entityId: input.visitId,
      patientId: before.patientId,
      before,
      after,
      reason: input.reason,
    })
    return after
  })
}

export async function listVisits(ctx: ServiceContext, input: { patientId: number }): Promise<Visit[]> {
  await requirePatient(ctx.db, input.patientId)
  return loadVisits(ctx.db, { patientId: input.patientId })
}
