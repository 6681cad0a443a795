// The database's identity: a random id stored in the file (migration 0006). Every page sends the
// identity it loaded its records from; a restore gives the restored file a new one, so a page
// opened before the restore is recognised and refused instead of writing into reused ids.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { DB } from './schema'

/** The newest identity; a file whose row was removed by hand gets a new one rather than failing to open. */
export async function readDatabaseIdentity(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('database_identity').select('identity').orderBy('id', 'desc').executeTakeFirst()
  if (row) return row.identity
  const identity = randomUUID()
  await db.insertInto('database_identity').values({ identity, assigned_at: new Date().toISOString() }).execute()
  return identity
}

/**
 * Gives a (closed) SQLite file a new identity before it is put in place by a restore. A backup
 * older than migration 0006 has no identity table yet: the migration gives it a fresh one at open.
 */
export function assignNewIdentity(file: string, at: Date, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    const hasTable = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'database_identity'").get()
    if (hasTable) db.prepare('insert into database_identity (identity, assigned_at) values (?, ?)').run(randomUUID(), at.toISOString())
  } finally {
    db.close()
  }
}
