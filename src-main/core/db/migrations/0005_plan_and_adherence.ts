// Migration 0005 (frozen once shipped): the planned progression of each program exercise, the
// therapist's stage confirmations at visits, and adherence from the patient's calendar.
import { sql, type Kysely, type Migration } from 'kysely'
import { idColumn } from './dialect'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0005_plan_and_adherence: Migration = {
  async up(db: Kysely<any>) {
    // Planned start week per stage as JSON ([1, 5, 9, 13]; null for a stage that starts only when the
    // therapist allows it); null for an item without a plan. The shift moves the stages after the
    // current one when a stage is held or repeated.
    await db.schema.alterTable('program_items').addColumn('planned_weeks_json', 'text').execute()
    await db.schema.alterTable('program_items').addColumn('plan_shift_weeks', 'integer', (c) => c.notNull().defaultTo(0)).execute()

    // Planned days since the previous visit, computed when the visit is saved (later dosage changes
    // do not rewrite history), and the days the patient ticked.
    await db.schema.alterTable('visits').addColumn('adherence_days_planned', 'integer').execute()
    await db.schema.alterTable('visits').addColumn('adherence_days_done', 'integer').execute()

    await db.schema
      .createTable('visit_stage_steps')
      .addColumn('id', ...idColumn(db))
      .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      // The exercise, not the program item: a program change rewrites its items.
      .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id'))
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('advance', 'hold', 'step_back')`))
      .addColumn('stage_before', 'integer', (c) => c.notNull())
      .addColumn('stage_after', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('visit_stage_steps_visit_exercise', ['visit_id', 'exercise_id'])
      .execute()

    await db.schema
      .createTable('visit_adherence')
      .addColumn('id', ...idColumn(db))
      .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id'))
      .addColumn('days_planned', 'integer', (c) => c.notNull())
      .addColumn('days_done', 'integer', (c) => c.notNull())
      .addUniqueConstraint('visit_adherence_visit_exercise', ['visit_id', 'exercise_id'])
      .execute()

    // The 16-week template's plan for programs already running from it (CLINICAL.md): an item of
    // the three standard exercises gets the plan if its program still carries the template's name.
    const plans: [string, (number | null)[]][] = [
      ['towel-crumpling', [1, 5, 9]],
      ['short-foot', [1, 5, 9, 13]],
      ['barefoot-transition', [1, 5, null, null]],
    ]
    for (const [slug, weeks] of plans) {
      const exercise = await db.selectFrom('exercises').select('id').where('slug', '=', slug).where('builtin', '=', 1).executeTakeFirst()
      if (!exercise) continue
      const programs = db.selectFrom('programs').select('id').where('name', '=', 'Foot core — 16 weeks')
      await db
        .updateTable('program_items')
        .set({ planned_weeks_json: JSON.stringify(weeks) })
        .where('exercise_id', '=', exercise.id)
        .where('program_id', 'in', programs)
        .execute()
    }
  },
}
