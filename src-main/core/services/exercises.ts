// Exercises: the built-in catalog (read-only) and the clinic's own exercises.
import type { z } from 'zod'
import { conflict, invalidInput, notFound } from '@shared/domain/errors'
import type { Exercise, ExerciseCreateInput, ExerciseText, ExerciseUpdateInput } from '@shared/domain/exercise'
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from '@shared/i18n/languages'
import type { ExerciseRow, ExerciseTextRow } from '../db/schema'
import { recordAudit } from './audit'
import { claimVersion } from './versions'
import { nowIso, parseJson, type Db, type ServiceContext } from './context'

const toText = (t: ExerciseTextRow): ExerciseText => ({
  language: isLanguage(t.language) ? t.language : DEFAULT_LANGUAGE,
  name: t.name,
  purpose: t.purpose,
  steps: parseJson<string[]>(t.steps_json, []),
  mistakes: parseJson<string[]>(t.mistakes_json, []),
  stages: parseJson<string[]>(t.stages_json, []),
  safety: t.safety,
  repsText: t.reps_text,
})

const byLanguage = (a: ExerciseText, b: ExerciseText) => LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language)

export const toExercise = (r: ExerciseRow, texts: ExerciseTextRow[] = []): Exercise => ({
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
  language: isLanguage(r.language) ? r.language : DEFAULT_LANGUAGE,
  translations: texts.map(toText).sort(byLanguage),
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

async function withTexts(db: Db, rows: ExerciseRow[]): Promise<Exercise[]> {
  if (rows.length === 0) return []
  const texts = await db.selectFrom('exercise_texts').selectAll().where('exercise_id', 'in', rows.map((r) => r.id)).execute()
  const of = new Map<number, ExerciseTextRow[]>()
  for (const t of texts) of.set(t.exercise_id, [...(of.get(t.exercise_id) ?? []), t])
  return rows.map((r) => toExercise(r, of.get(r.id)))
}

export async function findExercises(db: Db, ids: number[]): Promise<Map<number, Exercise>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('exercises').selectAll().where('id', 'in', ids).execute()
  return new Map((await withTexts(db, rows)).map((e) => [e.id, e]))
}

export async function listExercises(ctx: ServiceContext, input: { includeArchived: boolean }): Promise<Exercise[]> {
  let q = ctx.db.selectFrom('exercises').selectAll().orderBy('builtin', 'desc').orderBy('id')
  if (!input.includeArchived) q = q.where('archived_at', 'is', null)
  return withTexts(ctx.db, await q.execute())
}

/** Replaces an exercise's texts in other languages (undefined: leaves them as they are). */
async function saveTranslations(db: Db, exerciseId: number, translations: ExerciseText[] | undefined): Promise<void> {
  if (translations === undefined) return
  await db.deleteFrom('exercise_texts').where('exercise_id', '=', exerciseId).execute()
  if (translations.length === 0) return
  await db
    .insertInto('exercise_texts')
    .values(
      translations.map((t) => ({
        exercise_id: exerciseId,
        language: t.language,
        name: t.name,
        purpose: t.purpose,
        steps_json: JSON.stringify(t.steps),
        mistakes_json: JSON.stringify(t.mistakes),
        stages_json: JSON.stringify(t.stages),
        safety: t.safety,
        reps_text: t.repsText,
      })),
    )
    .execute()
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
    ...(input.language !== undefined ? { language: input.language } : {}),
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
    const language = input.language ?? (await trx.selectFrom('clinic_settings').select('language').where('id', '=', 1).executeTakeFirstOrThrow()).language
    const { id } = await trx
      .insertInto('exercises')
      .values({ ...columns(input), language, builtin: 0, illustration: null, created_at: at, created_by: ctx.actorId, updated_at: at, updated_by: ctx.actorId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await saveTranslations(trx, id, input.translations ?? [])
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
    const own = input.language ?? before.language
    const twice = input.translations?.findIndex((t) => t.language === own) ?? -1
    if (twice >= 0) throw invalidInput([{ path: ['translations', twice, 'language'], message: 'Each language can have one text' }])
    await claimVersion(trx, ctx, 'exercises', input.id, input.version)
    await trx
      .updateTable('exercises')
      .set({ ...columns(input), updated_at: nowIso(ctx), updated_by: ctx.actorId })
      .where('id', '=', input.id)
      .execute()
    await saveTranslations(trx, input.id, input.translations)
    const after = (await findExercises(trx, [input.id])).get(input.id)!
    await recordAudit(trx, ctx, { action: 'update', entity: 'exercise', entityId: input.id, patientId: null, before, after })
    return after
  })
}
