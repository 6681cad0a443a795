// Changes seen everywhere: open pages poll the audit trail (every change writes one row in its own
// transaction), and each poll also tells the clinic database that this workstation is still here.
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { ChangesPage, Workstation } from '@shared/domain/changes'
import { nowIso, type ServiceContext } from './context'

/**
 * Answers repeat the newest LOOKBACK ids: on PostgreSQL an id is taken at insert and becomes
 * visible at commit, so a transaction that started first can commit just after a later id was
 * read. Pages drop the ids they have seen. (SQLite writes one transaction at a time: no gap.)
 */
const LOOKBACK = 50
/** A page polls every second; the workstation row is refreshed at most this often. */
const HEARTBEAT_MS = 10_000
/** Listed as connected while seen within this time. */
export const CONNECTED_WITHIN_MS = 30_000

/** This running Footcore, as the workstations list names it. */
export const THIS_WORKSTATION = { id: randomUUID(), computerName: hostname(), startedAt: new Date().toISOString() }

/** Per database (a restore or a move opens another): when this workstation last said it is here. */
const lastHeartbeat = new WeakMap<object, { at: number; therapistId: number | null }>()

async function heartbeat(ctx: ServiceContext): Promise<void> {
  const now = ctx.now().getTime()
  const last = lastHeartbeat.get(ctx.db)
  if (last && now - last.at < HEARTBEAT_MS && last.therapistId === ctx.actorId) return
  lastHeartbeat.set(ctx.db, { at: now, therapistId: ctx.actorId })
  const at = nowIso(ctx)
  await ctx.db
    .insertInto('workstations')
    .values({ id: THIS_WORKSTATION.id, computer_name: THIS_WORKSTATION.computerName, therapist_id: ctx.actorId, started_at: THIS_WORKSTATION.startedAt, last_seen_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ therapist_id: ctx.actorId, last_seen_at: at }))
    .execute()
}

export async function changesSince(ctx: ServiceContext, input: { after: number | null }): Promise<ChangesPage> {
  await heartbeat(ctx)
  const newest = await ctx.db.selectFrom('audit_log').select((e) => e.fn.max('id').as('id')).executeTakeFirst()
  const cursor = Number(newest?.id ?? 0)
  if (input.after === null) return { cursor, changes: [] }
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['id', 'entity', 'entity_id', 'patient_id', 'therapist_id', 'at'])
    .where('id', '>', Math.max(0, input.after - LOOKBACK))
    .where('id', '<=', cursor)
    .orderBy('id')
    .execute()
  return {
    cursor,
    changes: rows.map((r) => ({ id: r.id, entity: r.entity, entityId: r.entity_id, patientId: r.patient_id, therapistId: r.therapist_id, at: r.at })),
  }
}

export async function listWorkstations(ctx: ServiceContext): Promise<Workstation[]> {
  await heartbeat(ctx)
  const since = new Date(ctx.now().getTime() - CONNECTED_WITHIN_MS).toISOString()
  const rows = await ctx.db
    .selectFrom('workstations as w')
    .leftJoin('therapists as t', 't.id', 'w.therapist_id')
    .select(['w.id', 'w.computer_name', 't.display_name', 'w.started_at', 'w.last_seen_at'])
    .where('w.last_seen_at', '>=', since)
    .orderBy('w.computer_name')
    .orderBy('w.started_at')
    .execute()
  return rows.map((r) => ({
    computerName: r.computer_name,
    therapistName: r.display_name,
    startedAt: r.started_at,
    lastSeenAt: r.last_seen_at,
    thisOne: r.id === THIS_WORKSTATION.id,
  }))
}
