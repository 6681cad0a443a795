// What every service function receives: the database, who is acting, and the clock.
import type { Kysely, Transaction } from 'kysely'
import { localToday } from '@shared/calc/dates'
import type { DB } from '../db/schema'
import type { UserRole } from '@shared/domain/user'

export interface ServiceContext {
  db: Kysely<DB>
  /** The signed-in user (from the session, never from the page); null before anyone signs in. */
  actorId: number | null
  /** Their role; services that treat roles differently (reception's patient fields) read it. */
  role?: UserRole | null
  now: () => Date
}

export type Db = Kysely<DB> | Transaction<DB>

export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString()
export const today = (ctx: ServiceContext): string => localToday(ctx.now())

/** Parses a JSON column written by this app; a bad value reads as the fallback, never throws. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}
