// Timing helpers for the benchmark: percentiles, SQL capture from Kysely, and raw better-sqlite3 / pg replay.
import type Database from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely'
import type pg from 'pg'
import type { DB } from '../../src-main/core/db/schema'

export interface Stats {
  runs: number
  p50Ms: number
  p95Ms: number
  meanMs: number
  minMs: number
  maxMs: number
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return {
    runs: sorted.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    meanMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    minMs: sorted[0] ?? NaN,
    maxMs: sorted[sorted.length - 1] ?? NaN,
  }
}

export async function timeOnce(fn: () => unknown): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

export interface CapturedQuery {
  sql: string
  params: readonly unknown[]
}

/**
 * A second Kysely over the same better-sqlite3 handle that records every compiled query it runs
 * (the same `.compile()` output the service's own Kysely executes, begin/commit included).
 */
export function capturingKysely(sqlite: Database.Database): { db: Kysely<DB>; take(): CapturedQuery[] } {
  return capturing(new SqliteDialect({ database: sqlite }))
}

/** The same over a pg pool: the SQL PostgreSQL gets (`$1` placeholders), begin/commit included. */
export function capturingPostgresKysely(pool: pg.Pool): { db: Kysely<DB>; take(): CapturedQuery[] } {
  return capturing(new PostgresDialect({ pool }))
}

function capturing(dialect: Dialect): { db: Kysely<DB>; take(): CapturedQuery[] } {
  let captured: CapturedQuery[] = []
  const db = new Kysely<DB>({
    dialect,
    log(event) {
      captured.push({ sql: event.query.sql, params: event.query.parameters })
    },
  })
  return {
    db,
    take() {
      const out = captured
      captured = []
      return out
    },
  }
}

/**
 * Replays captured queries through prepared statements (prepared once, as an app without a query
 * builder would). `rowId` maps an id the capture run inserted to the id this replay inserts, so
 * a recorded write can be replayed many times.
 */
export function rawReplayer(sqlite: Database.Database, queries: CapturedQuery[], rowId?: { captured: number }) {
  const prepared = queries.map((q) => ({ stmt: sqlite.prepare(q.sql), params: q.params, returning: /\breturning\b/i.test(q.sql) }))
  return () => {
    let newId: number | null = null
    for (const { stmt, params, returning } of prepared) {
      const args = rowId && newId !== null ? params.map((p) => (p === rowId.captured ? newId : p)) : params
      if (returning) {
        const row = stmt.get(...args) as { id?: number } | undefined
        if (rowId && newId === null && row?.id !== undefined) newId = row.id
      } else if (stmt.reader) stmt.all(...args)
      else stmt.run(...args)
    }
  }
}

/**
 * Replays captured queries with plain `pg`, as an app without a query builder would: a recorded
 * transaction (begin … commit) on one connection of the pool, other queries each through
 * `pool.query` (a connection taken and given back per query, as Kysely does outside a transaction).
 * Unnamed statements, like Kysely's: the server parses each one again. `rowId` as in rawReplayer.
 */
export function pgReplayer(pool: pg.Pool, queries: CapturedQuery[], rowId?: { captured: number }) {
  const transaction = /^\s*begin\b/i.test(queries[0]?.sql ?? '')
  const steps = queries.map((q) => ({ sql: q.sql, params: [...q.params], returning: /\breturning\b/i.test(q.sql) }))
  return async () => {
    let newId: number | null = null
    const client: pg.Pool | pg.PoolClient = transaction ? await pool.connect() : pool
    try {
      for (const { sql, params, returning } of steps) {
        const args: unknown[] = rowId && newId !== null ? params.map((p) => (p === rowId.captured ? newId : p)) : params
        const result: pg.QueryResult<{ id?: number }> = await client.query<{ id?: number }>(sql, args)
        if (returning && rowId && newId === null && result.rows[0]?.id !== undefined) newId = result.rows[0].id
      }
    } finally {
      if (client !== pool) (client as pg.PoolClient).release()
    }
  }
}
