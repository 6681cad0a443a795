// Hot queries built and compiled once per shape and dialect; each call then only binds its values.
import { CompiledQuery, NoResultError, QueryNode, type Compilable, type Kysely, type Transaction } from 'kysely'
import type { DB } from './schema'

type Db = Kysely<DB> | Transaction<DB>

/** Stands in for a value while the query is built; found again among the compiled parameters. */
class Slot {
  constructor(readonly name: string) {}
}

type Binding = { slot: string } | { value: unknown }

interface Template {
  sql: string
  bindings: Binding[]
  /** The compiled operation tree, kept so drivers and loggers see what Kysely would hand them. */
  query: CompiledQuery['query']
}

export interface ReusableQuery<P, O, S> {
  /** Every row. */
  execute(db: Db, params: P, shape: S): Promise<O[]>
  executeTakeFirst(db: Db, params: P, shape: S): Promise<O | undefined>
  executeTakeFirstOrThrow(db: Db, params: P, shape: S): Promise<O>
}

/**
 * A query that is built by `build` once per shape (what changes its SQL text: which filters, how
 * many rows) and per dialect, then run many times with new values. `build` gets a stand-in for each
 * value (`p.patientId`), never a real one, so it must not compute with them: anything derived from
 * a value (a prefix's upper bound, a date plus 14 days) is a parameter of its own. Values that are
 * always the same ('active') may be written as they are; they stay bound parameters.
 *
 * Why: building and compiling a Kysely query costs about as much as SQLite needs to answer a small
 * indexed one (README, Performance). The compiled SQL differs per dialect (`?` or `$1`), so it is
 * kept per dialect adapter, which every Kysely instance and its transactions share.
 */
export function compiledOnce<P extends object, O, S = void>(
  build: (db: Db, p: P, shape: S) => Compilable<O>,
  shapeKey: (shape: S) => string = () => '',
): ReusableQuery<P, O, S> {
  const byAdapter = new WeakMap<object, Map<string, Template>>()
  const slots = new Map<string, Slot>()
  const stand = new Proxy({} as P, {
    get(_, name) {
      const key = String(name)
      let slot = slots.get(key)
      if (!slot) slots.set(key, (slot = new Slot(key)))
      return slot
    },
  })

  const template = (db: Db, shape: S): Template => {
    const executor = db.getExecutor()
    const toTemplate = (compiled: CompiledQuery<O>): Template => ({
      sql: compiled.sql,
      query: compiled.query,
      bindings: compiled.parameters.map((v) => (v instanceof Slot ? { slot: v.name } : { value: v })),
    })
    // A plugin may rewrite each query differently (it sees the query id), so those are not kept.
    if (executor.plugins.length > 0) return toTemplate(build(db, stand, shape).compile())
    let templates = byAdapter.get(executor.adapter)
    if (!templates) byAdapter.set(executor.adapter, (templates = new Map()))
    const key = shapeKey(shape)
    let found = templates.get(key)
    if (!found) templates.set(key, (found = toTemplate(build(db, stand, shape).compile())))
    return found
  }

  const run = async (db: Db, params: P, shape: S): Promise<{ rows: O[]; query: Template['query'] }> => {
    const t = template(db, shape)
    const values = params as Record<string, unknown>
    const parameters = t.bindings.map((b) => {
      if ('value' in b) return b.value
      const v = values[b.slot]
      // undefined would bind as nothing (SQLite) or fail late (pg): a missing value is a bug here.
      if (v === undefined) throw new Error(`compiledOnce: no value for "${b.slot}"`)
      return v
    })
    const result = await db.executeQuery<O>({ ...CompiledQuery.raw(t.sql, parameters), query: t.query })
    return { rows: result.rows, query: t.query }
  }

  return {
    async execute(db, params, shape) {
      return (await run(db, params, shape)).rows
    },
    async executeTakeFirst(db, params, shape) {
      return (await run(db, params, shape)).rows[0]
    },
    async executeTakeFirstOrThrow(db, params, shape) {
      const { rows, query } = await run(db, params, shape)
      if (rows[0] === undefined) throw QueryNode.is(query) ? new NoResultError(query) : new Error('no result')
      return rows[0]
    },
  }
}
