// The audit trail: who changed which clinical record, when, and from what to what.
import { z } from 'zod'
import { Id } from './common'

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'correct',
  'void',
  'archive',
  'restore',
  'end',
  'delete',
  'erase',
  // People and sessions (who was at the keyboard).
  'sign_in',
  'sign_out',
  'lock',
  'unlock',
  'sign_in_failed',
  'sign_in_refused',
  'pin_set',
  'pin_reset',
  'role_change',
  'recovery_used',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
export const AUDIT_ENTITIES = ['patient', 'visit', 'program', 'exercise', 'therapist', 'settings', 'database', 'session'] as const
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
