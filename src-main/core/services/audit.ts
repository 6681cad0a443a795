// The audit trail: one row per change to clinical data, with values before and after.
import type { AuditAction, AuditEntity, AuditEntry } from '@shared/domain/audit'
import type { Insertable } from 'kysely'
import { compiledOnce } from '../db/compiled-once'
import type { AuditLogTable } from '../db/schema'
import { parseJson, nowIso, type Db, type ServiceContext } from './context'

export interface AuditFact {
  action: AuditAction
  entity: AuditEntity
  entityId: number
  patientId: number | null
  before?: unknown
  after?: unknown
  reason?: string | null
}

const insertAudit = compiledOnce((db, p: Required<Omit<Insertable<AuditLogTable>, 'id'>>) =>
  db.insertInto('audit_log').values({
    at: p.at,
    therapist_id: p.therapist_id,
    action: p.action,
    entity: p.entity,
    entity_id: p.entity_id,
    patient_id: p.patient_id,
    before_json: p.before_json,
    after_json: p.after_json,
    reason: p.reason,
  }),
)

export async function recordAudit(db: Db, ctx: ServiceContext, fact: AuditFact): Promise<void> {
  await insertAudit.execute(db, {
    at: nowIso(ctx),
    therapist_id: ctx.actorId,
    action: fact.action,
    entity: fact.entity,
    entity_id: fact.entityId,
    patient_id: fact.patientId,
    before_json: fact.before === undefined ? null : JSON.stringify(fact.before),
    after_json: fact.after === undefined ? null : JSON.stringify(fact.after),
    reason: fact.reason ?? null,
  })
}

export async function listAuditForPatient(ctx: ServiceContext, input: { patientId: number }): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('therapists as t', 't.id', 'a.therapist_id')
    .select([
      'a.id',
      'a.at',
      'a.therapist_id',
      't.display_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.patient_id',
      'a.before_json',
      'a.after_json',
      'a.reason',
    ])
    .where('a.patient_id', '=', input.patientId)
    .orderBy('a.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    therapistId: r.therapist_id,
    therapistName: r.display_name,
    action: r.action as AuditAction,
    entity: r.entity as AuditEntity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    before: parseJson<unknown>(r.before_json, null),
    after: parseJson<unknown>(r.after_json, null),
    reason: r.reason,
  }))
}
