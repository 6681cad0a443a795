// A real SQLite clinic database in a temp folder, with a service context and a few ready records.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../../src-main/core/api/router'
import { openDatabase, type ClinicDatabase } from '../../src-main/core/db/connection'
import type { ServiceContext } from '../../src-main/core/services/context'
import { ApiError } from '../../src-shared/domain/errors'
import type { Input, MethodName, Output } from '../../src-shared/api'

export const FIXED_NOW = new Date('2026-06-15T10:00:00Z')

export interface TestClinic {
  dir: string
  file: string
  database: ClinicDatabase
  /** A service context acting as `actorId` at FIXED_NOW (or `now`). */
  ctx(actorId?: number | null, now?: Date): ServiceContext
  /**
   * Calls a contract method through the router, throwing ApiError on failure. Without `actorId`
   * it acts as the first therapist created through it, as the app chooses the first therapist added.
   */
  call<M extends MethodName>(method: M, input: Input<M>, actorId?: number | null): Promise<Output<M>>
  close(): Promise<void>
}

export async function openTestClinic(now: Date = FIXED_NOW): Promise<TestClinic> {
  const dir = mkdtempSync(join(tmpdir(), 'footcore-test-'))
  const file = join(dir, 'footcore.sqlite')
  const database = await openDatabase(file)
  let working: number | null = null
  return {
    dir,
    file,
    database,
    ctx: (actorId = null, at = now) => ({ db: database.db, actorId, now: () => at }),
    async call(method, input, actorId) {
      const r = await dispatch({ db: database.db, now: () => now }, method, input, actorId === undefined ? working : actorId)
      if (!r.ok) throw new ApiError(r.error)
      if (method === 'therapists.create' && working === null) working = (r.value as { id: number }).id
      return r.value as never
    },
    async close() {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Calls that must fail: returns the ApiError (fails the test when the call succeeds). */
export async function expectApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected the call to fail, but it succeeded')
}
