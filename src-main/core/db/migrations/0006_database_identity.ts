// Migration 0006 (frozen once shipped): a random identity stored in the database, so a page that
// loaded before a restore (which puts another file, with another identity, in place) is recognised.
import { randomUUID } from 'node:crypto'
import type { Kysely, Migration } from 'kysely'
import { idColumn } from './dialect'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0006_database_identity: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('database_identity')
      .addColumn('id', ...idColumn(db))
      .addColumn('identity', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .execute()
    await db.insertInto('database_identity').values({ identity: randomUUID(), assigned_at: new Date().toISOString() }).execute()
  },
}
