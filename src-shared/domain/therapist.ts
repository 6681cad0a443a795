// Therapists: who enters clinical records.
import { z } from 'zod'
import { Id, optionalLine } from './common'
import { personName } from './names'

export const TherapistFields = z.object({
  displayName: personName('Name'),
  credentials: optionalLine('Credentials', 100),
})
export const TherapistCreateInput = TherapistFields.strict()
export const TherapistUpdateInput = TherapistFields.extend({ id: Id }).strict()
export const TherapistIdInput = z.object({ id: Id }).strict()
export const TherapistListInput = z.object({ includeInactive: z.boolean().default(false) }).strict()

export interface Therapist {
  id: number
  displayName: string
  credentials: string | null
  active: boolean
}
