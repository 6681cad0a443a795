// Visits: record both feet and symptoms in one transaction; correct with the old values kept.
import type { z } from 'zod'
import { conflict, invalidInput, notFound } from '@shared/domain/errors'
import { ARCH_HEIGHT_METHOD_LABELS, type ArchHeightMethod } from '@shared/domain/settings'
import {
  SIDES,
  SYMPTOM_REGIONS,
  MEASURE_KEYS,
  type FootInputValue,
  type FootMeasurement,
  type Symptoms,
  type Visit,
  type VisitCorrectInput,
  type VisitKind,
  type VisitRecordInput,
} from '@shared/domain/visit'
import type { MeasurementRow } from '../db/schema'
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

/** Visits with their feet and symptoms, in three queries whatever their number. */
export async function loadVisits(db: Db, where: { patientId: number } | { visitIds: number[] }): Promise<Visit[]> {
  let q = db
    .selectFrom('visits as v')
    .innerJoin('therapists as t', 't.id', 'v.therapist_id')
    .selectAll('v')
    .select('t.display_name as therapist_name')
  q = 'patientId' in where ? q.where('v.patient_id', '=', where.patientId) : q.where('v.id', 'in', where.visitIds)
  const rows = await q.orderBy('v.visit_date').orderBy('v.id').execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [measurements, scores] = await Promise.all([
    db.selectFrom('measurements').selectAll().where('visit_id', 'in', ids).execute(),
    db.selectFrom('symptom_scores').selectAll().where('visit_id', 'in', ids).execute(),
  ])
  const byVisit = new Map<number, Visit>()
  const visits = rows.map((r) => {
    const v: Visit = {
      id: r.id,
      patientId: r.patient_id,
      visitDate: r.visit_date,
      therapistId: r.therapist_id,
      therapistName: r.therapist_name,
      programId: r.program_id,
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
  return (await loadVisits(db, { visitIds: [id] }))[0] ?? null
}

const hasValue = (f: FootInputValue | null): f is FootInputValue => f !== null && MEASURE_KEYS.some((k) => f[k] !== null)

async function checkDates(ctx: ServiceContext, visitDate: string, dateOfBirth: string): Promise<void> {
  if (visitDate > today(ctx)) throw invalidInput([{ path: ['visitDate'], message: 'Visit date cannot be in the future' }])
  if (visitDate < dateOfBirth) throw invalidInput([{ path: ['visitDate'], message: 'Visit date cannot be before the date of birth' }])
}

async function writeDetails(db: Db, visitId: number, input: VisitFields, method: ArchHeightMethod): Promise<void> {
  for (const side of SIDES) {
    const f = input[side]
    if (!hasValue(f)) continue
    await db
      .insertInto('measurements')
      .values({
        visit_id: visitId,
        side,
        foot_length_mm: f.footLengthMm,
        truncated_foot_length_mm: f.truncatedFootLengthMm,
        arch_height_mm: f.archHeightMm,
        arch_height_method: method,
        navicular_sitting_mm: f.navicularSittingMm,
        navicular_standing_mm: f.navicularStandingMm,
      })
      .execute()
  }
  const scores = SYMPTOM_REGIONS.flatMap((region) => {
    const score = input.symptoms[region]
    return score === null ? [] : [{ visit_id: visitId, region, score }]
  })
  if (scores.length > 0) await db.insertInto('symptom_scores').values(scores).execute()
}

/**
 * The program a new visit is filed under: the patient's program that covers the visit date. On a
 * day when one program ends and the next starts, a review closes the ending program and any other
 * visit opens the new one, so the new program's own review can still come due.
 */
async function programFor(db: Db, patientId: number, date: string, kind: VisitKind): Promise<number | null> {
  const covering = await db
    .selectFrom('programs')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('start_date', '<=', date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .orderBy('start_date', kind === 'review' ? 'asc' : 'desc')
    .orderBy('id', kind === 'review' ? 'asc' : 'desc')
    .executeTakeFirst()
  return covering?.id ?? null
}

/** A corrected visit stays with its program while the program still covers the corrected date. */
async function programAfterCorrection(db: Db, before: Visit, date: string, kind: VisitKind): Promise<number | null> {
  if (before.programId !== null) {
    const own = await db
      .selectFrom('programs')
      .select('id')
      .where('id', '=', before.programId)
      .where('start_date', '<=', date)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
      .executeTakeFirst()
    if (own) return own.id
  }
  return programFor(db, before.patientId, date, kind)
}

/**
 * The method the values are stored under. A page that loaded before the clinic switched methods
 * still labels the field with the old one: what the therapist measured is unknown, so the value
 * is refused rather than filed under a method the page never showed.
 */
async function methodFor(db: Db, sent: ArchHeightMethod | undefined, allowed: ArchHeightMethod | null): Promise<ArchHeightMethod> {
  const current = (await readSettings(db)).archHeightMethod
  if (sent === undefined || sent === current || sent === allowed) return sent ?? allowed ?? current
  throw conflict(
    `The clinic now measures arch height as “${ARCH_HEIGHT_METHOD_LABELS[current]}”, but this page still showed “${ARCH_HEIGHT_METHOD_LABELS[sent]}”. Nothing was saved: reload the page and enter the visit again.`,
  )
}

export async function recordVisit(ctx: ServiceContext, input: RecordInput): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const patient = await requirePatient(trx, input.patientId)
    if (patient.archivedAt !== null) throw conflict('This patient is archived; restore the patient before recording a visit')
    await requireActiveTherapist(trx, input.therapistId)
    await checkDates(ctx, input.visitDate, patient.dateOfBirth)
    const method = await methodFor(trx, input.archHeightMethod, null)
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('visits')
      .values({
        patient_id: input.patientId,
        therapist_id: input.therapistId,
        program_id: await programFor(trx, input.patientId, input.visitDate, input.kind),
        visit_date: input.visitDate,
        kind: input.kind,
        headache_days: input.headacheDays,
        notes: input.notes,
        created_at: at,
        created_by: ctx.actorId,
        updated_at: at,
        updated_by: ctx.actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
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
    // A correction keeps the method the values were taken with (or moves them to the clinic's current one).
    const recordedWith = before.left?.archHeightMethod ?? before.right?.archHeightMethod ?? null
    const method = await methodFor(trx, input.archHeightMethod ?? recordedWith ?? undefined, recordedWith)
    await trx
      .updateTable('visits')
      .set({
        therapist_id: input.therapistId,
        program_id: await programAfterCorrection(trx, before, input.visitDate, input.kind),
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
