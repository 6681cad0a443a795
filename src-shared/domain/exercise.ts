// Exercises and their dosage: the built-in foot-core catalog plus the clinic's own.
import { z } from 'zod'
import { BaseVersion, Id, optionalLine, requiredLine, text, wholeNumber } from './common'

export const DosageFields = z.object({
  sets: wholeNumber('Sets', 1, 10).nullable().default(null),
  reps: wholeNumber('Repetitions', 1, 100).nullable().default(null),
  /** Used instead of a number of repetitions, e.g. "until the towel is gathered". */
  repsText: optionalLine('Repetitions description', 80),
  holdSeconds: wholeNumber('Hold', 1, 120).nullable().default(null),
  /** Minutes per session, for walking / barefoot time. */
  minutes: wholeNumber('Minutes', 1, 180).nullable().default(null),
  timesPerDay: wholeNumber('Times a day', 1, 6).default(1),
  daysPerWeek: wholeNumber('Days a week', 1, 7).default(7),
  stage: wholeNumber('Stage', 0, 9).default(0),
  notes: text('Dosage notes', 1000).default(''),
})
export type Dosage = z.output<typeof DosageFields>

const lines = (label: string) =>
  z
    .array(requiredLine(label, 400), { error: `${label} must be a list` })
    .max(20, { error: `At most 20 ${label.toLowerCase()}` })

export const ExerciseFields = z.object({
  name: requiredLine('Name', 120),
  purpose: text('Purpose', 1000).default(''),
  steps: lines('Steps').min(1, { error: 'Add at least one step' }),
  mistakes: lines('Mistakes').default([]),
  stages: lines('Stages').min(1, { error: 'Add at least one stage' }),
  safety: text('Safety note', 1000).default(''),
  dosage: DosageFields,
})
export const ExerciseCreateInput = ExerciseFields.strict()
export const ExerciseUpdateInput = ExerciseFields.extend({ id: Id, version: BaseVersion }).strict()
export const ExerciseListInput = z.object({ includeArchived: z.boolean().default(false) }).strict()

export interface Exercise {
  id: number
  slug: string | null
  name: string
  purpose: string
  steps: string[]
  mistakes: string[]
  stages: string[]
  safety: string
  /** Name of a drawing in resources/illustrations (without extension), or null. */
  illustration: string | null
  builtin: boolean
  dosage: Dosage
  version: number
}
