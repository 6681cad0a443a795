// Therapists: who enters clinical records.
import { z } from 'zod'
import { BaseVersion, Id, optionalLine } from './common'
import { personName } from './names'

export const TherapistFields = z.object({
  displayName: personName('Name'),
  credentials: optionalLine('Credentials', 100),
})
export const TherapistCreateInput = TherapistFields.strict()
export const TherapistUpdateInput = TherapistFields.extend({ id: Id, version: BaseVersion }).strict()
export const TherapistIdInput = z.object({ id: Id, version: BaseVersion }).strict()
export const TherapistListInput = z.object({ includeInactive: z.boolean().default(false) }).strict()

export interface Therapist {
  id: number
  displayName: string
  credentials: string | null
  active: boolean
  version: number
}
