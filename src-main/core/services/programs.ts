// Programs: assign foot-core exercises with dosage, adjust them, end them; history with changes.
import type { z } from 'zod'
import type { PlannedWeeks } from '@shared/calc/plan'
import { defaultReviewDate } from '@shared/calc/review'
import { conflict, invalidInput, notFound } from '@shared/domain/errors'
import type { Program, ProgramAssignInput, ProgramHistoryEntry, ProgramEndInput, ProgramItem, ProgramItemInput, ProgramUpdateInput } from '@shared/domain/program'
import { compiledOnce } from '../db/compiled-once'
import { listAuditForPatient, recordAudit } from './audit'
import { nowIso, type Db, type ServiceContext } from './context'
import { findExercises } from './exercises'
import { requirePatient } from './patients'
import { readSettings } from './settings'
import { requireActiveTherapist } from './therapists'
import { claimVersion } from './versions'

type ItemInput = z.output<typeof ProgramItemInput>

const programRows = (db: Db) => db.selectFrom('programs as g').innerJoin('therapists as t', 't.id', 'g.therapist_id').selectAll('g').select('t.display_name')
const itemRows = (db: Db) =>
  db.selectFrom('program_items as i').innerJoin('exercises as e', 'e.id', 'i.exercise_id').selectAll('i').select(['e.name as exercise_name', 'e.stages_json'])
// Only a review filed under the program counts: the previous program's review may share its start day.
const reviewRows = (db: Db) =>
  db
    .selectFrom('visits')
    .select(['program_id', (eb) => eb.fn.max('visit_date').as('on')])
    .where('kind', '=', 'review')
    .where('voided_at', 'is', null)
    .groupBy('program_id')

// A patient's programs (opening a patient) are compiled once; items and reviews are chosen by the
// patient (a subquery), not by a list of program ids, so the SQL text fits any number of programs.
const programIdsOf = (db: Db, patientId: number) => db.selectFrom('programs').select('id').where('patient_id', '=', patientId)
const programsOfPatient = compiledOnce((db, p: { patientId: number }) =>
  programRows(db).where('g.patient_id', '=', p.patientId).orderBy('g.start_date', 'desc').orderBy('g.id', 'desc'),
)
const itemsOfPatient = compiledOnce((db, p: { patientId: number }) =>
  itemRows(db).where('i.program_id', 'in', programIdsOf(db, p.patientId)).orderBy('i.program_id').orderBy('i.position'),
)
const reviewsOfPatient = compiledOnce((db, p: { patientId: number }) => reviewRows(db).where('program_id', 'in', programIdsOf(db, p.patientId)))

/** Programs with their items, exercise names and review dates, in three queries. */
export async function loadPrograms(db: Db, where: { patientId: number } | { programIds: number[] }): Promise<Program[]> {
  const ofPatient = 'patientId' in where
  const rows = ofPatient
    ? await programsOfPatient.execute(db, where)
    : await programRows(db).where('g.id', 'in', where.programIds).orderBy('g.start_date', 'desc').orderBy('g.id', 'desc').execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const items = ofPatient ? await itemsOfPatient.execute(db, where) : await itemRows(db).where('i.program_id', 'in', ids).orderBy('i.program_id').orderBy('i.position').execute()
  const reviews = ofPatient ? await reviewsOfPatient.execute(db, where) : await reviewRows(db).where('program_id', 'in', ids).execute()
  const reviewOn = new Map(reviews.map((r) => [r.program_id, r.on as string]))
  const byProgram = new Map<number, ProgramItem[]>()
  for (const i of items) {
    const list = byProgram.get(i.program_id) ?? []
    list.push({
      id: i.id,
      exerciseId: i.exercise_id,
      exerciseName: i.exercise_name,
      stages: JSON.parse(i.stages_json) as string[],
      position: i.position,
      sets: i.sets,
      reps: i.reps,
      repsText: i.reps_text,
      holdSeconds: i.hold_seconds,
      minutes: i.minutes,
      timesPerDay: i.times_per_day,
      daysPerWeek: i.days_per_week,
      stage: i.stage,
      notes: i.notes,
      plannedWeeks: i.planned_weeks_json === null ? null : (JSON.parse(i.planned_weeks_json) as PlannedWeeks),
      planShiftWeeks: i.plan_shift_weeks,
    })
    byProgram.set(i.program_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    therapistId: r.therapist_id,
    therapistName: r.display_name,
    name: r.name,
    startDate: r.start_date,
    reviewDate: r.review_date,
    endDate: r.end_date,
    endReason: r.end_reason,
    status: r.status,
    items: byProgram.get(r.id) ?? [],
    reviewRecordedOn: reviewOn.get(r.id) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }))
}

async function loadProgram(db: Db, id: number): Promise<Program | null> {
  return (await loadPrograms(db, { programIds: [id] }))[0] ?? null
}

/**
 * `shifts`: weeks each exercise's plan had already moved (held stages), kept across a program change
 * because the editor rewrites every item.
 */
async function writeItems(db: Db, programId: number, items: ItemInput[], shifts: Map<number, number> = new Map()): Promise<void> {
  const exercises = await findExercises(db, [...new Set(items.map((i) => i.exerciseId))])
  const issues = items.flatMap((item, index) => {
    const e = exercises.get(item.exerciseId)
    if (!e) return [{ path: ['items', index, 'exerciseId'], message: 'Exercise was not found' }]
    if (item.stage >= e.stages.length) {
      return [{ path: ['items', index, 'stage'], message: `${e.name} has ${e.stages.length} stages` }]
    }
    if (item.plannedWeeks !== null && item.plannedWeeks.length !== e.stages.length) {
      return [{ path: ['items', index, 'plannedWeeks'], message: `${e.name} has ${e.stages.length} stages: give a planned week (or a dash) for each` }]
    }
    return []
  })
  if (issues.length > 0) throw invalidInput(issues)
  await db
    .insertInto('program_items')
    .values(
      items.map((i, position) => ({
        program_id: programId,
        exercise_id: i.exerciseId,
        position,
        sets: i.sets,
        reps: i.reps,
        reps_text: i.repsText,
        hold_seconds: i.holdSeconds,
        minutes: i.minutes,
        times_per_day: i.timesPerDay,
        days_per_week: i.daysPerWeek,
        stage: i.stage,
        notes: i.notes,
        planned_weeks_json: i.plannedWeeks === null ? null : JSON.stringify(i.plannedWeeks),
        plan_shift_weeks: shifts.get(i.exerciseId) ?? 0,
      })),
    )
    .execute()
}

export async function assignProgram(ctx: ServiceContext, input: z.output<typeof ProgramAssignInput>): Promise<Program> {
  return ctx.db.transaction().execute(async (trx) => {
    const patient = await requirePatient(trx, input.patientId)
    if (patient.archivedAt !== null) throw conflict('This patient is archived; restore the patient before assigning a program')
    await requireActiveTherapist(trx, input.therapistId)
    if (input.startDate < patient.dateOfBirth) {
      throw invalidInput([{ path: ['startDate'], message: 'Start date cannot be before the date of birth' }])
    }
    const active = await trx.selectFrom('programs').select('id').where('patient_id', '=', input.patientId).where('status', '=', 'active').executeTakeFirst()
    if (active) throw conflict('This patient already has an active program; end it before assigning a new one')
    const settings = await readSettings(trx)
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('programs')
      .values({
        patient_id: input.patientId,
        therapist_id: input.therapistId,
        name: input.name,
        start_date: input.startDate,
        review_date: input.reviewDate ?? defaultReviewDate(input.startDate, settings.reviewIntervalWeeks),
        status: 'active',
        created_at: at,
        created_by: ctx.actorId,
        updated_at: at,
        updated_by: ctx.actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeItems(trx, id, input.items)
    // Visits recorded before the program existed, dated from its start (the baseline taken just
    // before assigning it), were recorded under no program: they open this one.
    await trx
      .updateTable('visits')
      .set({ program_id: id })
      .where('patient_id', '=', input.patientId)
      .where('program_id', 'is', null)
      .where('visit_date', '>=', input.startDate)
      .execute()
    const program = (await loadProgram(trx, id))!
    await recordAudit(trx, ctx, { action: 'create', entity: 'program', entityId: id, patientId: input.patientId, after: program })
    return program
  })
}

async function requireActiveProgram(db: Db, id: number): Promise<Program> {
  const p = await loadProgram(db, id)
  if (!p) throw notFound('Program', ['programId'])
  if (p.status !== 'active') throw conflict('This program has ended and can no longer be changed')
  return p
}

export async function updateProgram(ctx: ServiceContext, input: z.output<typeof ProgramUpdateInput>): Promise<Program> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requireActiveProgram(trx, input.programId)
    await claimVersion(trx, ctx, 'programs', input.programId, input.version)
    const reviewDate = input.reviewDate ?? before.reviewDate
    if (reviewDate <= before.startDate) throw invalidInput([{ path: ['reviewDate'], message: 'Review date must be after the start date' }])
    await trx.deleteFrom('program_items').where('program_id', '=', input.programId).execute()
    await writeItems(trx, input.programId, input.items, new Map(before.items.map((i) => [i.exerciseId, i.planShiftWeeks])))
    await trx
      .updateTable('programs')
      .set({ review_date: reviewDate, updated_at: nowIso(ctx), updated_by: ctx.actorId })
      .where('id', '=', input.programId)
      .execute()
    const after = (await loadProgram(trx, input.programId))!
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'program',
      entityId: input.programId,
      patientId: before.patientId,
      before,
      after,
      reason: input.reason || null,
    })
    return after
  })
}

export async function endProgram(ctx: ServiceContext, input: z.output<typeof ProgramEndInput>): Promise<Program> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requireActiveProgram(trx, input.programId)
    await claimVersion(trx, ctx, 'programs', input.programId, input.version)
    if (input.endDate < before.startDate) throw invalidInput([{ path: ['endDate'], message: 'End date cannot be before the start date' }])
    await trx
      .updateTable('programs')
      .set({ status: 'ended', end_date: input.endDate, end_reason: input.reason || null, updated_at: nowIso(ctx), updated_by: ctx.actorId })
      .where('id', '=', input.programId)
      .execute()
    const after = (await loadProgram(trx, input.programId))!
    await recordAudit(trx, ctx, {
      action: 'end',
      entity: 'program',
      entityId: input.programId,
      patientId: before.patientId,
      before: { status: before.status },
      after: { status: after.status, endDate: after.endDate },
      reason: input.reason || null,
    })
    return after
  })
}

export async function currentProgram(ctx: ServiceContext, input: { patientId: number }): Promise<Program | null> {
  await requirePatient(ctx.db, input.patientId)
  const programs = await loadPrograms(ctx.db, { patientId: input.patientId })
  return programs.find((p) => p.status === 'active') ?? null
}

export async function programHistory(ctx: ServiceContext, input: { patientId: number }): Promise<ProgramHistoryEntry[]> {
  await requirePatient(ctx.db, input.patientId)
  const [programs, audit] = await Promise.all([loadPrograms(ctx.db, { patientId: input.patientId }), listAuditForPatient(ctx, input)])
  return programs.map((program) => ({
    program,
    changes: audit.filter((a) => a.entity === 'program' && a.entityId === program.id),
  }))
}
