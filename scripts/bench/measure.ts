// Timing helpers for the benchmark: percentiles, SQL capture from Kysely, and raw better-sqlite3 replay.
import type Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
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
  let captured: CapturedQuery[] = []
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
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
