// Exercises: the built-in catalog (read-only) and the clinic's own exercises.
import type { z } from 'zod'
import { conflict, notFound } from '@shared/domain/errors'
import type { Exercise, ExerciseCreateInput, ExerciseUpdateInput } from '@shared/domain/exercise'
import type { ExerciseRow } from '../db/schema'
import { recordAudit } from './audit'
import { claimVersion } from './versions'
import { nowIso, parseJson, type Db, type ServiceContext } from './context'

export const toExercise = (r: ExerciseRow): Exercise => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  purpose: r.purpose,
  steps: parseJson<string[]>(r.steps_json, []),
  mistakes: parseJson<string[]>(r.mistakes_json, []),
  stages: parseJson<string[]>(r.stages_json, []),
  safety: r.safety,
  illustration: r.illustration,
  builtin: r.builtin === 1,
  version: r.version,
  dosage: {
    sets: r.sets,
    reps: r.reps,
    repsText: r.reps_text,
    holdSeconds: r.hold_seconds,
    minutes: r.minutes,
    timesPerDay: r.times_per_day,
    daysPerWeek: r.days_per_week,
    stage: r.stage,
    notes: r.dosage_notes,
  },
})

export async function findExercises(db: Db, ids: number[]): Promise<Map<number, Exercise>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('exercises').selectAll().where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, toExercise(r)]))
}

export async function listExercises(ctx: ServiceContext, input: { includeArchived: boolean }): Promise<Exercise[]> {
  let q = ctx.db.selectFrom('exercises').selectAll().orderBy('builtin', 'desc').orderBy('id')
  if (!input.includeArchived) q = q.where('archived_at', 'is', null)
  return (await q.execute()).map(toExercise)
}

type Fields = z.output<typeof ExerciseCreateInput>

function columns(input: Fields) {
  const d = input.dosage
  return {
    name: input.name,
    purpose: input.purpose,
    steps_json: JSON.stringify(input.steps),
    mistakes_json: JSON.stringify(input.mistakes),
    stages_json: JSON.stringify(input.stages),
    safety: input.safety,
    sets: d.sets,
    reps: d.reps,
    reps_text: d.repsText,
    hold_seconds: d.holdSeconds,
    minutes: d.minutes,
    times_per_day: d.timesPerDay,
    days_per_week: d.daysPerWeek,
    stage: Math.min(d.stage, input.stages.length - 1),
    dosage_notes: d.notes,
  }
}

export async function createExercise(ctx: ServiceContext, input: Fields): Promise<Exercise> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('exercises')
      .values({ ...columns(input), builtin: 0, illustration: null, created_at: at, created_by: ctx.actorId, updated_at: at, updated_by: ctx.actorId })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = (await findExercises(trx, [id])).get(id)!
    await recordAudit(trx, ctx, { action: 'create', entity: 'exercise', entityId: id, patientId: null, after: created })
    return created
  })
}

export async function updateExercise(ctx: ServiceContext, input: z.output<typeof ExerciseUpdateInput>): Promise<Exercise> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await findExercises(trx, [input.id])).get(input.id)
    if (!before) throw notFound('Exercise')
    if (before.builtin) throw conflict('Built-in exercises cannot be changed; create your own exercise instead')
    await claimVersion(trx, ctx, 'exercises', input.id, input.version)
    await trx
      .updateTable('exercises')
      .set({ ...columns(input), updated_at: nowIso(ctx), updated_by: ctx.actorId })
      .where('id', '=', input.id)
      .execute()
    const after = (await findExercises(trx, [input.id])).get(input.id)!
    await recordAudit(trx, ctx, { action: 'update', entity: 'exercise', entityId: input.id, patientId: null, before, after })
    return after
  })
}
