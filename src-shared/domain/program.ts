// Programs: the exercises assigned to a patient, their dosage, and the review date.
import { z } from 'zod'
import { BaseVersion, Id, IsoDate, requiredLine, text, wholeNumber } from './common'
import type { AuditEntry } from './audit'
import type { PlannedWeeks } from '../calc/plan'
import { DosageFields, type Dosage } from './exercise'

export const PROGRAM_STATUSES = ['active', 'ended'] as const
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number]

/** Planned start week per stage; null for a stage that starts only when the therapist allows it. */
export const PlannedWeeksInput = z
  .array(wholeNumber('Planned week', 1, 52).nullable(), { error: 'Planned weeks must be a list of week numbers' })
  .max(10, { error: 'At most 10 planned weeks' })
  .refine(
    (weeks) => {
      const set = weeks.filter((w): w is number => w !== null)
      return set.every((w, i) => i === 0 || w > set[i - 1]!)
    },
    { error: 'Planned weeks must go up from stage to stage (e.g. 1, 5, 9, 13)' },
  )
  .nullable()
  .default(null)

export const ProgramItemInput = DosageFields.extend({ exerciseId: Id, plannedWeeks: PlannedWeeksInput }).strict()

const items = z
  .array(ProgramItemInput, { error: 'Add at least one exercise' })
  .min(1, { error: 'Add at least one exercise' })
  .max(20, { error: 'A program can hold at most 20 exercises' })

export const ProgramAssignInput = z
  .object({
    patientId: Id,
    therapistId: Id,
    name: requiredLine('Program name', 120).default('Foot core — 16 weeks'),
    startDate: IsoDate,
    /** Defaults to start + the clinic's review interval. */
    reviewDate: IsoDate.nullable().default(null),
    items,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reviewDate !== null && v.reviewDate <= v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['reviewDate'], message: 'Review date must be after the start date' })
    }
  })

export const ProgramUpdateInput = z
  .object({
    programId: Id,
    version: BaseVersion,
    reviewDate: IsoDate.optional(),
    items,
    reason: text('Reason', 500).default(''),
  })
  .strict()

export const ProgramEndInput = z
  .object({ programId: Id, version: BaseVersion, endDate: IsoDate, reason: text('Reason', 500).default('') })
  .strict()
export const ProgramForPatientInput = z.object({ patientId: Id }).strict()

export interface ProgramItem extends Dosage {
  id: number
  exerciseId: number
  exerciseName: string
  /** The exercise's stage names (as the exercise reads now), for "Stage 2 of 4: Standing on both feet". */
  stages: string[]
  position: number
  /** Planned start week per stage, or null without a plan. */
  plannedWeeks: PlannedWeeks | null
  /** Weeks the stages after the current one have moved since the plan was made (held stages). */
  planShiftWeeks: number
}

export interface Program {
  id: number
  patientId: number
  therapistId: number
  therapistName: string
  name: string
  startDate: string
  reviewDate: string
  endDate: string | null
  endReason: string | null
  status: ProgramStatus
  items: ProgramItem[]
  /** Date of the four-month review visit recorded under this program; null until there is one. */
  reviewRecordedOn: string | null
  createdAt: string
  updatedAt: string
  /** Row version: a change names the one it was based on. */
  version: number
}

export interface ProgramHistoryEntry {
  program: Program
  /** Newest first: creation, dosage changes, end. */
  changes: AuditEntry[]
}
