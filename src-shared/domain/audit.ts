// The audit trail: who changed which clinical record, when, and from what to what.
import { z } from 'zod'
import { Id } from './common'

export const AUDIT_ACTIONS = ['create', 'update', 'correct', 'void', 'archive', 'restore', 'end', 'delete', 'erase'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
export const AUDIT_ENTITIES = ['patient', 'visit', 'program', 'exercise', 'therapist', 'settings', 'database'] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

export const AuditForPatientInput = z.object({ patientId: Id }).strict()

export interface AuditEntry {
  id: number
  at: string
  therapistId: number | null
  therapistName: string | null
  action: AuditAction
  entity: AuditEntity
  entityId: number
  patientId: number | null
  before: unknown
  after: unknown
  reason: string | null
}
