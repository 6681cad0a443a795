// Migration 0011 (frozen once shipped): patients found by any word of their names, and visits
// voided (with a reason) instead of deleted.
import { type Kysely, type Migration } from 'kysely'
import { keyType } from './dialect'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */

// A frozen copy of the search keys as this migration wrote them (src-shared/domain/names.ts keeps
// the live copy; the service rewrites a patient's keys at every change).
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' }
const keyOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[’']/g, "'")
    .trim()
function wordKeys(...names: string[]): string[] {
  const keys = new Set<string>()
  for (const name of names) {
    const words = keyOf(name).split(/[\s'’.\-‐‑]+/u).filter(Boolean)
    for (let i = 0; i < words.length; i++) keys.add(words.slice(i).join(''))
  }
  return [...keys]
}

const BATCH = 500

export const m0011_name_words_and_void: Migration = {
  async up(db: Kysely<any>) {
    // One row per key a patient is found by (derived from the names, so it goes with the patient);
    // the primary key (word_key first) serves the prefix
    // range `word_key >= 'berg' and word_key < 'berg\uffff'` and holds the patient id (covering).
    await db.schema
      .createTable('patient_name_words')
      .addColumn('word_key', keyType(db), (c) => c.notNull())
      .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('patient_name_words_pk', ['word_key', 'patient_id'])
      .execute()
    await db.schema.createIndex('patient_name_words_patient').on('patient_name_words').columns(['patient_id', 'word_key']).execute()

    let after = 0
    for (;;) {
      const patients: { id: number; first_name: string; last_name: string }[] = await db
        .selectFrom('patients')
        .select(['id', 'first_name', 'last_name'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()
      if (patients.length === 0) break
      const rows = patients.flatMap((p) => wordKeys(p.first_name, p.last_name).map((word_key) => ({ word_key, patient_id: p.id })))
      if (rows.length > 0) await db.insertInto('patient_name_words').values(rows).execute()
      after = patients[patients.length - 1]!.id
    }

    // A visit entered by mistake is voided, not deleted: hidden from tables, charts and reports,
    // kept with who voided it, when and why, and restorable.
    await db.schema.alterTable('visits').addColumn('voided_at', 'text').execute()
    await db.schema.alterTable('visits').addColumn('voided_by', 'integer', (c) => c.references('therapists.id')).execute()
    await db.schema.alterTable('visits').addColumn('void_reason', 'text').execute()
    // "Last visit" and "review recorded" skip voided visits; with voided_at in the index both are
    // still answered from the index alone.
    await db.schema.dropIndex('visits_patient_date').execute()
    await db.schema.createIndex('visits_patient_date').on('visits').columns(['patient_id', 'visit_date', 'id', 'voided_at']).execute()
    await db.schema.dropIndex('visits_program_kind').execute()
    await db.schema.createIndex('visits_program_kind').on('visits').columns(['program_id', 'kind', 'voided_at']).execute()
  },
}
