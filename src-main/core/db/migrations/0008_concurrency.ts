// Migration 0008 (frozen once shipped): several workstations at once. Row versions for records
// people edit (a change based on an old version is refused, never silently overwrites), rules the
// database itself enforces (two workstations can pass a check in TypeScript at the same moment),
// and the workstations connected now.
import { sql, type Kysely, type Migration } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0008_concurrency: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['patients', 'visits', 'programs', 'clinic_settings', 'therapists', 'exercises']) {
      await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute()
    }
    // The same person twice (name keys and date of birth), archived or not: the app has refused it
    // since 0001, so an existing clinic has no such pair.
    await db.schema.createIndex('patients_same_person').on('patients').columns(['last_name_key', 'first_name_key', 'date_of_birth']).unique().execute()
    // One running program per patient (partial index: SQLite and PostgreSQL write it the same way).
    await db.schema.createIndex('programs_one_active').on('programs').column('patient_id').unique().where(sql.ref('status'), '=', sql.lit('active')).execute()
    // A row per running Footcore (one per computer and app start), refreshed while it runs.
    await db.schema
      .createTable('workstations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('computer_name', 'text', (c) => c.notNull())
      .addColumn('therapist_id', 'integer', (c) => c.references('therapists.id').onDelete('set null'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute()
  },
}
