// Due reviews: active programs whose four-month review is near or overdue and not yet recorded.
import { z } from 'zod'
import { wholeNumber } from './common'
import type { ReviewStatus } from './patient'

export const DueReviewsInput = z.object({ withinDays: wholeNumber('Days ahead', 0, 365).default(14) }).strict()

export interface DueReview {
  patientId: number
  firstName: string
  lastName: string
  dateOfBirth: string
  programId: number
  programName: string
  startDate: string
  reviewDate: string
  status: Exclude<ReviewStatus, 'none' | 'upcoming'>
  lastVisitDate: string | null
}
