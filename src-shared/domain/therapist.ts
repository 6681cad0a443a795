// Therapists: who measures and treats (users with a clinical role), named on clinical records.
import { z } from 'zod'
import type { UserRole } from './user'

export const TherapistListInput = z.object({ includeInactive: z.boolean().default(false) }).strict()

export interface Therapist {
  id: number
  displayName: string
  credentials: string | null
  active: boolean
  role: UserRole
  version: number
}
