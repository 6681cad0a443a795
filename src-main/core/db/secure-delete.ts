// What erasing a patient does below the rows, per dialect, kept in db/ so services stay portable.
// SQLite: deleted content is overwritten with zeros, free space is rebuilt away, and the WAL is
// written back and emptied. PostgreSQL: the touched tables are vacuumed (README says what the
// server's WAL and its backups still hold).
import { sql, type Kysely } from 'kysely'
import { isPostgres } from './migrations/dialect'
import type { DB } from './schema'

/** Every table an erase deletes from or blanks. */
const ERASED_TABLES = ['measurements', 'symptom_scores', 'visits', 'program_items', 'programs', 'patient_name_words', 'patients', 'audit_log'] as const

/** Runs `work` with SQLite's `secure_delete` on, then restores the previous setting. */
export async function withSecureDelete<T>(db: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  // PostgreSQL has no such setting: its dead rows go at the VACUUM of scrubFreeSpace.
  if (isPostgres(db)) return work()
  const before = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(db)
  const previous = before.rows[0]?.secure_delete ?? 0
  await sql`pragma secure_delete = on`.execute(db)
  try {
    return await work()
  } finally {
    await sql.raw(`pragma secure_delete = ${previous === 1 ? 'on' : previous === 2 ? 'fast' : 'off'}`).execute(db)
  }
}

/** The WAL could not be emptied: a reader (another window, a backup, an outside program) held an older snapshot. */
export class WalNotEmptiedError extends Error {
  constructor() {
    super('wal checkpoint stayed busy: a reader holds an older snapshot')
    this.name = 'WalNotEmptiedError'
  }
}

/**
 * SQLite: rebuilds the file so no free space keeps old copies of rows (updates and page splits
 * made before secure_delete was on leave them), then copies the WAL into the file and truncates
 * it, so the erased rows' old page images do not linger in footcore.sqlite-wal either. The
 * TRUNCATE checkpoint retries by itself (SQLite's busy handler, up to busy_timeout) while a reader
 * holds an older snapshot; if one still does, the WAL keeps the old pages and this throws, never
 * answers ok.
 * PostgreSQL: VACUUM of the touched tables removes the deleted row versions from their pages
 * (a plain VACUUM, which other workstations can work through; VACUUM FULL would lock them out).
 */
export async function scrubFreeSpace(db: Kysely<DB>, attempts = 1): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`vacuum ${ERASED_TABLES.join(', ')}`).execute(db)
    return
  }
  await sql`vacuum`.execute(db)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db)
    if (rows[0]?.busy === 0) return
  }
  throw new WalNotEmptiedError()
}
