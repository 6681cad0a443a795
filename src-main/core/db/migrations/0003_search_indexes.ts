// Migration 0003 (frozen once shipped): indexes for the patients list (name search, next review).
import type { Kysely, Migration } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0003_search_indexes: Migration = {
  async up(db: Kysely<any>) {
    // With archived_at in the index, counting and paging the matches of a name prefix read the
    // index only; before, every match of a short prefix ("m") cost a row lookup in patients.
    // Same leading columns as the indexes they replace, so ORDER BY name still needs no sort.
    await db.schema.dropIndex('patients_last_name_key').execute()
    await db.schema.dropIndex('patients_first_name_key').execute()
    await db.schema.createIndex('patients_last_name_search').on('patients').columns(['last_name_key', 'first_name_key', 'id', 'archived_at']).execute()
    await db.schema.createIndex('patients_first_name_search').on('patients').columns(['first_name_key', 'last_name_key', 'id', 'archived_at']).execute()
    // "Next review" per listed patient is min(review_date) of their active programs. Without
    // statistics SQLite served that min() from programs_status_review, walking every active
    // program of the clinic for each row of the list; this index answers it in one seek. It also
    // serves every "programs of this patient" query, so it replaces programs_patient.
    await db.schema.dropIndex('programs_patient').execute()
    await db.schema.createIndex('programs_patient_review').on('programs').columns(['patient_id', 'status', 'review_date']).execute()
  },
}
