// What other workstations changed, for open pages to follow without a reload; and who is connected.
import { z } from 'zod'

export const ChangesSinceInput = z
  .object({
    /** The cursor of the previous answer; null on the first poll (answers only the cursor). */
    after: z.number().int().min(0).nullable().default(null),
  })
  .strict()

export interface RecordChange {
  /** The audit row's id: pages remember which they have seen (answers may repeat a few). */
  id: number
  entity: string
  entityId: number
  patientId: number | null
  therapistId: number | null
  at: string
}

export interface ChangesPage {
  cursor: number
  changes: RecordChange[]
}

export interface Workstation {
  computerName: string
  /** Who works there (the therapist chosen on that computer's last call), or null. */
  therapistName: string | null
  startedAt: string
  lastSeenAt: string
  /** The workstation asking. */
  thisOne: boolean
}
