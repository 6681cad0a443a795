// Migration 0001 (frozen once shipped): the whole clinical model. Where PostgreSQL differs (ids,
// decimals, search-key collation) ./dialect says so; on SQLite the schema is exactly as shipped.
import { sql, type Kysely, type Migration } from 'kysely'
import { decimalType, idColumn, keyType } from './dialect'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0001_initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('therapists')
      .addColumn('id', ...idColumn(db))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('credentials', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('clinic_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('clinic_name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('logo_data_url', 'text')
      .addColumn('page_size', 'text', (c) => c.notNull().check(sql`page_size in ('A4', 'Letter')`))
      .addColumn('arch_height_method', 'text', (c) => c.notNull().check(sql`arch_height_method in ('dorsal_50', 'navicular_standing')`))
      .addColumn('smc_arch_height_mm', decimalType(db), (c) => c.notNull())
      .addColumn('smc_foot_length_mm', decimalType(db), (c) => c.notNull())
      .addColumn('smc_navicular_drop_mm', decimalType(db), (c) => c.notNull())
      .addColumn('review_interval_weeks', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('therapists.id'))
      .execute()
    await db
      .insertInto('clinic_settings')
      .values({
        id: 1,
        clinic_name: 'My clinic',
        page_size: 'A4',
        arch_height_method: 'dorsal_50',
        smc_arch_height_mm: 2,
        smc_foot_length_mm: 2,
        smc_navicular_drop_mm: 2,
        review_interval_weeks: 16,
        updated_at: new Date().toISOString(),
      })
      .execute()

    await db.schema
      .createTable('patients')
      .addColumn('id', ...idColumn(db))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      // Accent-free lower-case keys for prefix search ("lukas" finds "Łukasiewicz").
      .addColumn('first_name_key', keyType(db), (c) => c.notNull())
      .addColumn('last_name_key', keyType(db), (c) => c.notNull())
      .addColumn('date_of_birth', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('female', 'male', 'other', 'unspecified')`))
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('complaints_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('therapists.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('therapists.id'))
      .execute()
    await db.schema.createIndex('patients_last_name_key').on('patients').columns(['last_name_key', 'first_name_key', 'id']).execute()
    await db.schema.createIndex('patients_first_name_key').on('patients').columns(['first_name_key', 'last_name_key', 'id']).execute()
    await db.schema.createIndex('patients_date_of_birth').on('patients').columns(['date_of_birth', 'last_name_key']).execute()

    await db.schema
      .createTable('exercises')
      .addColumn('id', ...idColumn(db))
      .addColumn('slug', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('steps_json', 'text', (c) => c.notNull())
      .addColumn('mistakes_json', 'text', (c) => c.notNull())
      .addColumn('stages_json', 'text', (c) => c.notNull())
      .addColumn('safety', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('illustration', 'text')
      .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0).check(sql`builtin in (0, 1)`))
      .addColumn('sets', 'integer')
      .addColumn('reps', 'integer')
      .addColumn('reps_text', 'text')
      .addColumn('hold_seconds', 'integer')
      .addColumn('minutes', 'integer')
      .addColumn('times_per_day', 'integer', (c) => c.notNull())
      .addColumn('days_per_week', 'integer', (c) => c.notNull())
      .addColumn('stage', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('dosage_notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('therapists.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('therapists.id'))
      .execute()

    await db.schema
      .createTable('programs')
      .addColumn('id', ...idColumn(db))
      .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
      .addColumn('therapist_id', 'integer', (c) => c.notNull().references('therapists.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('review_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'ended')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('therapists.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('therapists.id'))
      .execute()
    await db.schema.createIndex('programs_patient').on('programs').columns(['patient_id', 'status', 'start_date']).execute()
    await db.schema.createIndex('programs_status_review').on('programs').columns(['status', 'review_date']).execute()

    await db.schema
      .createTable('program_items')
      .addColumn('id', ...idColumn(db))
      .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
      .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('sets', 'integer')
      .addColumn('reps', 'integer')
      .addColumn('reps_text', 'text')
      .addColumn('hold_seconds', 'integer')
      .addColumn('minutes', 'integer')
      .addColumn('times_per_day', 'integer', (c) => c.notNull())
      .addColumn('days_per_week', 'integer', (c) => c.notNull())
      .addColumn('stage', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
    await db.schema.createIndex('program_items_program').on('program_items').columns(['program_id', 'position']).execute()

    await db.schema
      .createTable('visits')
      .addColumn('id', ...idColumn(db))
      .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
      .addColumn('therapist_id', 'integer', (c) => c.notNull().references('therapists.id'))
      .addColumn('program_id', 'integer', (c) => c.references('programs.id'))
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('baseline', 'follow_up', 'review')`))
      .addColumn('headache_days', 'integer', (c) => c.check(sql`headache_days between 0 and 28`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('therapists.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('therapists.id'))
      .addColumn('corrected', 'integer', (c) => c.notNull().defaultTo(0).check(sql`corrected in (0, 1)`))
      .execute()
    await db.schema.createIndex('visits_patient_date').on('visits').columns(['patient_id', 'visit_date', 'id']).execute()
    await db.schema.createIndex('visits_program_kind').on('visits').columns(['program_id', 'kind']).execute()

    await db.schema
      .createTable('measurements')
      .addColumn('id', ...idColumn(db))
      .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('left', 'right')`))
      .addColumn('foot_length_mm', decimalType(db))
      .addColumn('truncated_foot_length_mm', decimalType(db))
      .addColumn('arch_height_mm', decimalType(db))
      .addColumn('arch_height_method', 'text', (c) => c.notNull().check(sql`arch_height_method in ('dorsal_50', 'navicular_standing')`))
      .addColumn('navicular_sitting_mm', decimalType(db))
      .addColumn('navicular_standing_mm', decimalType(db))
      .addUniqueConstraint('measurements_visit_side', ['visit_id', 'side'])
      .execute()

    await db.schema
      .createTable('symptom_scores')
      .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('region', 'text', (c) => c.notNull().check(sql`region in ('foot_heel', 'knee', 'low_back', 'neck', 'headache')`))
      .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 10`))
      .addPrimaryKeyConstraint('symptom_scores_pk', ['visit_id', 'region'])
      .execute()

    await db.schema
      .createTable('audit_log')
      .addColumn('id', ...idColumn(db))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('therapist_id', 'integer', (c) => c.references('therapists.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      // No foreign key: the trail outlives an erased patient (without their details).
      .addColumn('patient_id', 'integer')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('reason', 'text')
      .execute()
    await db.schema.createIndex('audit_log_patient').on('audit_log').columns(['patient_id', 'id']).execute()
    await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id', 'id']).execute()
  },
}
