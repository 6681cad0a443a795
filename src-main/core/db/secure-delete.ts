// What erasing a patient does below the rows, per dialect, kept in db/ so services stay portable.
// SQLite: deleted content is overwritten with zeros, free space is rebuilt away, and the WAL is
// written back and emptied. PostgreSQL: the touched tables are vacuumed (README says what the
// server's WAL and its backups still hold).
import { sql, type Kysely } from 'kysely'
import { isPostgres } from './migrations/dialect'
import type { DB } from './schema'

/** Every table an erase deletes from or blanks. */
const ERASED_TABLES = ['measurements', 'symptom_scores', 'visits', 'program_items', 'programs', 'patients', 'audit_log'] as const

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

/**
 * SQLite: rebuilds the file so no free space keeps old copies of rows (updates and page splits
 * made before secure_delete was on leave them), then copies the WAL into the file and truncates
 * it, so the erased rows' old page images do not linger in footcore.sqlite-wal either.
 * PostgreSQL: VACUUM of the touched tables removes the deleted row versions from their pages
 * (a plain VACUUM, which other workstations can work through; VACUUM FULL would lock them out).
 */
export async function scrubFreeSpace(db: Kysely<DB>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`vacuum ${ERASED_TABLES.join(', ')}`).execute(db)
    return
  }
  await sql`vacuum`.execute(db)
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
}
