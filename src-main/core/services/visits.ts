// Visits: record both feet and symptoms in one transaction; correct with the old values kept.
import type { z } from 'zod'
import { ApiError, conflict, invalidInput, notFound } from '@shared/domain/errors'
import { formatClinicDate } from '@shared/calc/dates'
import { ARCH_HEIGHT_METHOD_LABELS, type ArchHeightMethod } from '@shared/domain/settings'
import {
  SIDES,
  SYMPTOM_REGIONS,
  implausibleArchHeightIndex,
  MEASURE_KEYS,
  type FootInputValue,
  type FootMeasurement,
  type SymptomRegion,
  type Symptoms,
  type Visit,
  VISIT_KIND_LABELS,
  type VisitCorrectInput,
  type VisitKind,
  type VisitListInput,
  type VisitRecordInput,
  type VisitRestoreInput,
  type VisitVoidInput,
} from '@shared/domain/visit'
import { plannedDaysBetween } from '@shared/calc/adherence'
import { applyStageDecision } from '@shared/calc/plan'
import { programWeek } from '@shared/calc/review'
import type { Insertable } from 'kysely'
import { compiledOnce } from '../db/compiled-once'
import type { MeasurementRow, MeasurementsTable, VisitsTable } from '../db/schema'
import { recordAudit } from './audit'
import { claimVersion } from './versions'
import { nowIso, today, type Db, type ServiceContext } from './context'
import { findExercises } from './exercises'
import { requirePatient } from './patients'
import { loadPrograms } from './programs'
import { readSettings } from './settings'
import { requireActiveTherapist } from './therapists'

type RecordInput = z.output<typeof VisitRecordInput>
type CorrectInput = z.output<typeof VisitCorrectInput>
type VisitFields = Omit<RecordInput, 'patientId' | 'stageSteps'>

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
    const q = db
      .selectFrom('visits as v')
      .innerJoin('therapists as t', 't.id', 'v.therapist_id')
      .leftJoin('therapists as vt', 'vt.id', 'v.voided_by')
      .selectAll('v')
      .select(['t.display_name as therapist_name', 'vt.display_name as voided_by_name'])
    return ('patientId' in of ? q.where('v.patient_id', '=', p.id) : q.where('v.id', '=', p.id)).orderBy('v.visit_date').orderBy('v.id')
  },
  whose,
)

// The details are selected by the same condition as the visits (not by a list of their ids), so
// the SQL text stays the same whatever the number of visits and is compiled once.
const visitIdsOf = (db: Db, p: { id: number }, of: VisitsOf) =>
  'patientId' in of ? db.selectFrom('visits').select('id').where('patient_id', '=', p.id) : db.selectFrom('visits').select('id').where('id', '=', p.id)

const measurementRows = compiledOnce((db, p: { id: number }, of: VisitsOf) => db.selectFrom('measurements').selectAll().where('visit_id', 'in', visitIdsOf(db, p, of)), whose)

const scoreRows = compiledOnce((db, p: { id: number }, of: VisitsOf) => db.selectFrom('symptom_scores').selectAll().where('visit_id', 'in', visitIdsOf(db, p, of)), whose)

const stageStepRows = compiledOnce(
  (db, p: { id: number }, of: VisitsOf) =>
    db
      .selectFrom('visit_stage_steps as s')
      .innerJoin('exercises as e', 'e.id', 's.exercise_id')
      .selectAll('s')
      .select('e.name as exercise_name')
      .where('s.visit_id', 'in', visitIdsOf(db, p, of))
      .orderBy('s.id'),
  whose,
)

const adherenceRows = compiledOnce(
  (db, p: { id: number }, of: VisitsOf) =>
    db
      .selectFrom('visit_adherence as a')
      .innerJoin('exercises as e', 'e.id', 'a.exercise_id')
      .selectAll('a')
      .select('e.name as exercise_name')
      .where('a.visit_id', 'in', visitIdsOf(db, p, of))
      .orderBy('a.id'),
  whose,
)

/** Visits with their feet, symptoms, stage steps and adherence, in five queries whatever their number. */
export async function loadVisits(db: Db, where: VisitsOf): Promise<Visit[]> {
  const id = { id: 'patientId' in where ? where.patientId : where.visitId }
  const rows = await visitRows.execute(db, id, where)
  if (rows.length === 0) return []
  const [measurements, scores, steps, adherence] = await Promise.all([
    measurementRows.execute(db, id, where),
    scoreRows.execute(db, id, where),
    stageStepRows.execute(db, id, where),
    adherenceRows.execute(db, id, where),
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
      version: r.version,
      corrected: r.corrected === 1,
      adherence:
        r.adherence_days_planned === null || r.adherence_days_done === null
          ? null
          : { daysPlanned: r.adherence_days_planned, daysDone: r.adherence_days_done, byExercise: [] },
      stageSteps: [],
      voided: r.voided_at === null ? null : { at: r.voided_at, byId: r.voided_by, byName: r.voided_by_name, reason: r.void_reason ?? '' },
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
  for (const s of steps) {
    byVisit.get(s.visit_id)?.stageSteps.push({
      exerciseId: s.exercise_id,
      exerciseName: s.exercise_name,
      decision: s.decision,
      stageBefore: s.stage_before,
      stageAfter: s.stage_after,
      reason: s.reason,
    })
  }
  for (const a of adherence) {
    byVisit.get(a.visit_id)?.adherence?.byExercise.push({ exerciseId: a.exercise_id, exerciseName: a.exercise_name, daysPlanned: a.days_planned, daysDone: a.days_done })
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

/** The patient's baseline (the earliest one not voided), other than the visit being corrected. */
const baselineOf = (db: Db, patientId: number, exceptVisitId: number | null) => {
  let q = db
    .selectFrom('visits')
    .select('visit_date')
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'baseline')
    .where('voided_at', 'is', null)
  if (exceptVisitId !== null) q = q.where('id', '!=', exceptVisitId)
  return q.orderBy('visit_date').executeTakeFirst()
}

/** A follow-up or review dated before the patient's baseline is refused next to the date. */
async function checkAfterBaseline(db: Db, patientId: number, visitDate: string, kind: VisitKind, exceptVisitId: number | null): Promise<void> {
  if (kind === 'baseline') return
  const baseline = await baselineOf(db, patientId, exceptVisitId)
  if (baseline && visitDate < baseline.visit_date) {
    throw invalidInput([{ path: ['visitDate'], message: followUpBeforeBaseline(VISIT_KIND_LABELS[kind], formatClinicDate(baseline.visit_date)) }])
  }
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
  const implausible = implausibleArchHeightIndex(input, method)
  if (implausible.length > 0) throw invalidInput(implausible)
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

/**
 * The program a new visit is filed under: the patient's program that covers the visit date. On a
 * day when one program ends and the next starts, a review closes the ending program and any other
 * visit opens the new one, so the new program's own review can still come due.
 */
async function programFor(db: Db, patientId: number, date: string, kind: VisitKind): Promise<number | null> {
  return (await coveringProgram.executeTakeFirst(db, { patientId, date }, kind === 'review' ? 'asc' : 'desc'))?.id ?? null
}

const coveringProgram = compiledOnce(
  (db, p: { patientId: number; date: string }, order: 'asc' | 'desc') =>
    db
      .selectFrom('programs')
      .select('id')
      .where('patient_id', '=', p.patientId)
      .where('start_date', '<=', p.date)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', p.date)]))
      .orderBy('start_date', order)
      .orderBy('id', order),
  (order) => order,
)

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

/**
 * Planned days since the previous visit of the program (or its start) from each exercise's days per
 * week, checked against the days the patient ticked; stored with the visit so later dosage changes
 * do not rewrite it. One number for the program counts the days any exercise was planned.
 */
async function writeAdherence(db: Db, visitId: number, programId: number | null, visitDate: string, input: VisitFields['adherence']): Promise<void> {
  await clearAdherence.execute(db, { visitId })
  let planned: number | null = null
  let done: number | null = null
  const asked = input !== null && (input.daysDone !== null || input.byExercise.length > 0)
  if (asked) {
    const program = programId === null ? undefined : await loadPrograms(db, { programIds: [programId] }).then((p) => p[0])
    if (!program) throw invalidInput([{ path: ['adherence', 'daysDone'], message: 'This visit is not within a program, so no days were planned' }])
    const previous = await db
      .selectFrom('visits')
      .select('visit_date')
      .where('program_id', '=', program.id)
      .where('visit_date', '<', visitDate)
      .where('id', '!=', visitId)
      .where('voided_at', 'is', null)
      .orderBy('visit_date', 'desc')
      .executeTakeFirst()
    const from = previous?.visit_date ?? program.startDate
    const since = formatSince(from, previous !== undefined)
    if (input.byExercise.length > 0) {
      const rows = input.byExercise.map((e, index) => {
        const item = program.items.find((i) => i.exerciseId === e.exerciseId)
        if (!item) throw invalidInput([{ path: ['adherence', 'byExercise', index, 'exerciseId'], message: 'This exercise is not in the program' }])
        const daysPlanned = plannedDaysBetween(program.startDate, from, visitDate, item.daysPerWeek)
        if (e.daysDone > daysPlanned) {
          throw invalidInput([{ path: ['adherence', 'byExercise', index, 'daysDone'], message: `${item.exerciseName}: at most the ${daysPlanned} planned days ${since}` }])
        }
        return { visit_id: visitId, exercise_id: e.exerciseId, days_planned: daysPlanned, days_done: e.daysDone }
      })
      await db.insertInto('visit_adherence').values(rows).execute()
      planned = rows.reduce((n, r) => n + r.days_planned, 0)
      done = rows.reduce((n, r) => n + r.days_done, 0)
    } else {
      const perWeek = Math.max(...program.items.map((i) => i.daysPerWeek))
      planned = plannedDaysBetween(program.startDate, from, visitDate, perWeek)
      done = input.daysDone
      if (done !== null && done > planned) {
        throw invalidInput([{ path: ['adherence', 'daysDone'], message: `Days done can be at most the ${planned} planned days ${since}` }])
      }
    }
  }
  await setAdherence.execute(db, { visitId, planned, done })
}

// Both run for every visit recorded, whether adherence was asked or not.
const clearAdherence = compiledOnce((db, p: { visitId: number }) => db.deleteFrom('visit_adherence').where('visit_id', '=', p.visitId))
const setAdherence = compiledOnce((db, p: { visitId: number; planned: number | null; done: number | null }) =>
  db.updateTable('visits').set({ adherence_days_planned: p.planned, adherence_days_done: p.done }).where('id', '=', p.visitId),
)

const formatSince = (from: string, afterVisit: boolean) => (afterVisit ? `since the last visit (${from})` : `since the program started (${from})`)

/**
 * The therapist's confirmation per exercise: moves the current stage and the planned weeks ahead
 * (see calc/plan), records the step with the visit and the change in the program's trail.
 */
async function applyStageSteps(ctx: ServiceContext, db: Db, visitId: number, programId: number | null, visitDate: string, steps: RecordInput['stageSteps']): Promise<void> {
  if (steps.length === 0) return
  const before = programId === null ? undefined : (await loadPrograms(db, { programIds: [programId] }))[0]
  if (!before) throw invalidInput([{ path: ['stageSteps'], message: 'This visit is not within a program: there are no stages to confirm' }])
  if (before.status !== 'active') throw conflict('This program has ended; its stages can no longer be changed')
  const exercises = await findExercises(db, before.items.map((i) => i.exerciseId))
  const { week } = programWeek(before.startDate, before.reviewDate, visitDate)
  for (const [index, step] of steps.entries()) {
    const item = before.items.find((i) => i.exerciseId === step.exerciseId)
    const exercise = exercises.get(step.exerciseId)
    if (!item || !exercise) throw invalidInput([{ path: ['stageSteps', index, 'exerciseId'], message: 'This exercise is not in the program' }])
    const result = applyStageDecision({ stage: item.stage, plannedWeeks: item.plannedWeeks, shiftWeeks: item.planShiftWeeks }, step.decision, week, exercise.stages.length)
    if (!result.ok) throw invalidInput([{ path: ['stageSteps', index, 'decision'], message: `${item.exerciseName}: ${result.message.charAt(0).toLowerCase()}${result.message.slice(1)}` }])
    await db
      .updateTable('program_items')
      .set({ stage: result.stage, plan_shift_weeks: result.shiftWeeks })
      .where('program_id', '=', before.id)
      .where('exercise_id', '=', step.exerciseId)
      .execute()
    await db
      .insertInto('visit_stage_steps')
      .values({ visit_id: visitId, exercise_id: step.exerciseId, decision: step.decision, stage_before: item.stage, stage_after: result.stage, reason: step.reason })
      .execute()
  }
  const after = (await loadPrograms(db, { programIds: [before.id] }))[0]!
  await db.updateTable('programs').set({ updated_at: nowIso(ctx), updated_by: ctx.actorId }).where('id', '=', before.id).execute()
  await recordAudit(db, ctx, {
    action: 'update',
    entity: 'program',
    entityId: before.id,
    patientId: before.patientId,
    before,
    after,
    reason: `Stages confirmed at the visit of ${visitDate}`,
  })
}

type NewVisit = Pick<Insertable<VisitsTable>, 'patient_id' | 'therapist_id' | 'visit_date' | 'kind' | 'notes' | 'created_at' | 'updated_at'> &
  Pick<VisitsTable, 'program_id' | 'headache_days' | 'created_by' | 'updated_by'>

const insertVisit = compiledOnce((db, p: NewVisit) =>
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
    await checkAfterBaseline(trx, input.patientId, input.visitDate, input.kind, null)
    const method = await methodFor(trx, input.archHeightMethod, null)
    const at = nowIso(ctx)
    const programId = await programFor(trx, input.patientId, input.visitDate, input.kind)
    const { id } = await insertVisit.executeTakeFirstOrThrow(trx, {
      patient_id: input.patientId,
      therapist_id: input.therapistId,
      program_id: programId,
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
    await writeAdherence(trx, id, programId, input.visitDate, input.adherence)
    await applyStageSteps(ctx, trx, id, programId, input.visitDate, input.stageSteps)
    const visit = (await loadVisit(trx, id))!
    await recordAudit(trx, ctx, { action: 'create', entity: 'visit', entityId: id, patientId: input.patientId, after: visit })
    return visit
  })
}

export async function correctVisit(ctx: ServiceContext, input: CorrectInput): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisit(trx, input.visitId)
    if (!before) throw notFound('Visit', ['visitId'])
    await claimVersion(trx, ctx, 'visits', input.visitId, input.version)
    if (before.voided) throw conflict('This visit is voided; restore it before correcting it')
    const patient = await requirePatient(trx, before.patientId)
    if (input.therapistId !== before.therapistId) await requireActiveTherapist(trx, input.therapistId)
    await checkDates(ctx, input.visitDate, patient.dateOfBirth)
    await checkAfterBaseline(trx, before.patientId, input.visitDate, input.kind, input.visitId)
    const programId = await programAfterCorrection(trx, before, input.visitDate, input.kind)
    // A correction keeps the method the values were taken with (or moves them to the clinic's current one).
    const recordedWith = before.left?.archHeightMethod ?? before.right?.archHeightMethod ?? null
    const method = await methodFor(trx, input.archHeightMethod ?? recordedWith ?? undefined, recordedWith)
    await trx
      .updateTable('visits')
      .set({
        therapist_id: input.therapistId,
        program_id: programId,
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
    // Stage confirmations are not corrected here: they already moved the program, whose own change is audited.
    await writeAdherence(trx, input.visitId, programId, input.visitDate, input.adherence)
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

export async function listVisits(ctx: ServiceContext, input: Pick<z.output<typeof VisitListInput>, 'patientId'> & { includeVoided?: boolean }): Promise<Visit[]> {
  await requirePatient(ctx.db, input.patientId)
  const visits = await loadVisits(ctx.db, { patientId: input.patientId })
  return input.includeVoided ? visits : visits.filter(notVoided)
}

export const notVoided = (v: Visit): boolean => v.voided === null

/**
 * Who may void or restore a visit: the person who entered it (or, for a visit entered before the
 * app recorded who entered it, its therapist), or an administrator.
 */
async function requireMayVoid(db: Db, ctx: ServiceContext, visitId: number, therapistId: number): Promise<void> {
  if (ctx.role === 'administrator') return
  const row = await db.selectFrom('visits').select('created_by').where('id', '=', visitId).executeTakeFirstOrThrow()
  const enteredBy = row.created_by ?? therapistId
  if (ctx.actorId === null || ctx.actorId !== enteredBy) {
    throw new ApiError({ code: 'unauthorized', message: VISIT_TEXTS.onlyEnteredBy })
  }
}

export async function voidVisit(ctx: ServiceContext, input: z.output<typeof VisitVoidInput>): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisit(trx, input.visitId)
    if (!before) throw notFound('Visit', ['visitId'])
    await requireMayVoid(trx, ctx, input.visitId, before.therapistId)
    await claimVersion(trx, ctx, 'visits', input.visitId, input.version)
    if (before.voided) throw conflict(VISIT_TEXTS.alreadyVoided)
    const at = nowIso(ctx)
    await trx
      .updateTable('visits')
      .set({ voided_at: at, voided_by: ctx.actorId, void_reason: input.reason, updated_at: at, updated_by: ctx.actorId })
      .where('id', '=', input.visitId)
      .execute()
    const after = (await loadVisit(trx, input.visitId))!
    await recordAudit(trx, ctx, {
      action: 'void',
      entity: 'visit',
      entityId: input.visitId,
      patientId: before.patientId,
      before: { voided: null },
      after: { voided: after.voided },
      reason: input.reason,
    })
    return after
  })
}

export async function restoreVisit(ctx: ServiceContext, input: z.output<typeof VisitRestoreInput>): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisit(trx, input.visitId)
    if (!before) throw notFound('Visit', ['visitId'])
    await requireMayVoid(trx, ctx, input.visitId, before.therapistId)
    await claimVersion(trx, ctx, 'visits', input.visitId, input.version)
    if (!before.voided) throw conflict(VISIT_TEXTS.notVoided)
    // Restored, it must still fit the patient's record (a new baseline may have been recorded since).
    await checkAfterBaseline(trx, before.patientId, before.visitDate, before.kind, input.visitId)
    const at = nowIso(ctx)
    await trx
      .updateTable('visits')
      .set({ voided_at: null, voided_by: null, void_reason: null, updated_at: at, updated_by: ctx.actorId })
      .where('id', '=', input.visitId)
      .execute()
    const after = (await loadVisit(trx, input.visitId))!
    await recordAudit(trx, ctx, {
      action: 'restore',
      entity: 'visit',
      entityId: input.visitId,
      patientId: before.patientId,
      before: { voided: before.voided },
      after: { voided: null },
    })
    return after
  })
}

/** Sentences of this service, in one place for the message catalogues. */
const VISIT_TEXTS = {
  onlyEnteredBy: 'Only the person who entered this visit (or an administrator) can void or restore it',
  alreadyVoided: 'This visit is already voided',
  notVoided: 'This visit is not voided',
}
const followUpBeforeBaseline = (kind: string, baseline: string) =>
  `${kind} cannot be dated before the baseline of ${baseline}: correct the date, or record this visit as the baseline`
