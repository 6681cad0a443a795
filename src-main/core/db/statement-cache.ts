// Prepared-statement reuse for Kysely: compiling SQL costs as much as running a small indexed query.
import type Database from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * Kysely's SQLite driver calls `prepare` for every query it runs. The app sends the same few
 * hundred SQL texts over and over, so keep the most recent statements, keyed by their text
 * (values are always bound parameters, never part of the text). Kysely runs one query at a time
 * per connection, so a cached statement is never busy when it is handed out again.
 */
export function withStatementCache(sqlite: Database.Database, size = 300): SqliteDatabase {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql)
      if (stmt) {
        // Re-insert to keep the Map in least-recently-used order.
        cache.delete(sql)
      } else {
        stmt = sqlite.prepare(sql)
        if (cache.size >= size) cache.delete(cache.keys().next().value!)
      }
      cache.set(sql, stmt)
      return stmt as unknown as SqliteStatement
    },
  }
}
