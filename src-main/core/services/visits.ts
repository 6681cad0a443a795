// Visits: record both feet and symptoms in one transaction; correct with the old values kept.
import type { z } from 'zod'
import { conflict, invalidInput, notFound } from '@shared/domain/errors'
import type { ArchHeightMethod } from '@shared/domain/settings'
import {
  SIDES,
  SYMPTOM_REGIONS,
  implausibleArchHeightIndex,
  MEASURE_KEYS,
  type FootInputValue,
  type FootMeasurement,
  type Symptoms,
  type Visit,
  type VisitCorrectInput,
  type VisitRecordInput,
} from '@shared/domain/visit'
import { plannedDaysBetween } from '@shared/calc/adherence'
import { applyStageDecision } from '@shared/calc/plan'
import { programWeek } from '@shared/calc/review'
import type { MeasurementRow } from '../db/schema'
import { recordAudit } from './audit'
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
  const [measurements, scores, steps, adherence] = await Promise.all([
    db.selectFrom('measurements').selectAll().where('visit_id', 'in', ids).execute(),
    db.selectFrom('symptom_scores').selectAll().where('visit_id', 'in', ids).execute(),
    db
      .selectFrom('visit_stage_steps as s')
      .innerJoin('exercises as e', 'e.id', 's.exercise_id')
      .selectAll('s')
      .select('e.name as exercise_name')
      .where('s.visit_id', 'in', ids)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('visit_adherence as a')
      .innerJoin('exercises as e', 'e.id', 'a.exercise_id')
      .selectAll('a')
      .select('e.name as exercise_name')
      .where('a.visit_id', 'in', ids)
      .orderBy('a.id')
      .execute(),
  ])
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
      adherence:
        r.adherence_days_planned === null || r.adherence_days_done === null
          ? null
          : { daysPlanned: r.adherence_days_planned, daysDone: r.adherence_days_done, byExercise: [] },
      stageSteps: [],
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
  return (await loadVisits(db, { visitIds: [id] }))[0] ?? null
}

const hasValue = (f: FootInputValue | null): f is FootInputValue => f !== null && MEASURE_KEYS.some((k) => f[k] !== null)

async function checkDates(ctx: ServiceContext, visitDate: string, dateOfBirth: string): Promise<void> {
  if (visitDate > today(ctx)) throw invalidInput([{ path: ['visitDate'], message: 'Visit date cannot be in the future' }])
  if (visitDate < dateOfBirth) throw invalidInput([{ path: ['visitDate'], message: 'Visit date cannot be before the date of birth' }])
}

async function writeDetails(db: Db, visitId: number, input: VisitFields, method: ArchHeightMethod): Promise<void> {
  const implausible = implausibleArchHeightIndex(input, method)
  if (implausible.length > 0) throw invalidInput(implausible)
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

/** The patient's active program on the visit date, which the visit is filed under. */
async function programOn(db: Db, patientId: number, date: string): Promise<number | null> {
  const p = await db
    .selectFrom('programs')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('start_date', '<=', date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return p?.id ?? null
}

/**
 * Planned days since the previous visit of the program (or its start) from each exercise's days per
 * week, checked against the days the patient ticked; stored with the visit so later dosage changes
 * do not rewrite it. One number for the program counts the days any exercise was planned.
 */
async function writeAdherence(db: Db, visitId: number, programId: number | null, visitDate: string, input: VisitFields['adherence']): Promise<void> {
  await db.deleteFrom('visit_adherence').where('visit_id', '=', visitId).execute()
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
  await db.updateTable('visits').set({ adherence_days_planned: planned, adherence_days_done: done }).where('id', '=', visitId).execute()
}

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

export async function recordVisit(ctx: ServiceContext, input: RecordInput): Promise<Visit> {
  return ctx.db.transaction().execute(async (trx) => {
    const patient = await requirePatient(trx, input.patientId)
    if (patient.archivedAt !== null) throw conflict('This patient is archived; restore the patient before recording a visit')
    await requireActiveTherapist(trx, input.therapistId)
    await checkDates(ctx, input.visitDate, patient.dateOfBirth)
    const method = input.archHeightMethod ?? (await readSettings(trx)).archHeightMethod
    const at = nowIso(ctx)
    const programId = await programOn(trx, input.patientId, input.visitDate)
    const { id } = await trx
      .insertInto('visits')
      .values({
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
      .returning('id')
      .executeTakeFirstOrThrow()
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
    const patient = await requirePatient(trx, before.patientId)
    if (input.therapistId !== before.therapistId) await requireActiveTherapist(trx, input.therapistId)
    await checkDates(ctx, input.visitDate, patient.dateOfBirth)
    const programId = await programOn(trx, before.patientId, input.visitDate)
    // A correction keeps the method the values were taken with unless the form says otherwise.
    const method = input.archHeightMethod ?? before.left?.archHeightMethod ?? before.right?.archHeightMethod ?? (await readSettings(trx)).archHeightMethod
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

export async function listVisits(ctx: ServiceContext, input: { patientId: number }): Promise<Visit[]> {
  await requirePatient(ctx.db, input.patientId)
  return loadVisits(ctx.db, { patientId: input.patientId })
}
