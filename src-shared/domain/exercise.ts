// Exercises and their dosage: the built-in foot-core catalog plus the clinic's own.
import { z } from 'zod'
import { LanguageField, type Language } from '../i18n/languages'
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

const textFields = {
  name: requiredLine('Name', 120),
  purpose: text('Purpose', 1000).default(''),
  steps: lines('Steps').min(1, { error: 'Add at least one step' }),
  mistakes: lines('Mistakes').default([]),
  stages: lines('Stages').min(1, { error: 'Add at least one stage' }),
  safety: text('Safety note', 1000).default(''),
}

/** The exercise's texts in one more language; stages must match the exercise's own, one for one. */
export const ExerciseTextFields = z
  .object({ language: LanguageField, ...textFields, repsText: optionalLine('Repetitions description', 80) })
  .strict()
export type ExerciseText = z.output<typeof ExerciseTextFields>

export const ExerciseFields = z.object({
  ...textFields,
  /** The language the texts above are written in; left out: the clinic's (new exercise) or unchanged. */
  language: LanguageField.optional(),
  /**
   * Texts in other languages. Left out of an update: the ones saved stay (a form that does not
   * show them cannot delete them by accident); an empty list removes them.
   */
  translations: z.array(ExerciseTextFields).max(4, { error: 'At most 4 other languages' }).optional(),
  dosage: DosageFields,
})

function translationIssues(v: { language?: Language; stages: string[]; translations?: ExerciseText[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<Language>(v.language ? [v.language] : [])
  v.translations?.forEach((t, i) => {
    if (seen.has(t.language)) ctx.addIssue({ code: 'custom', path: ['translations', i, 'language'], message: 'Each language can have one text' })
    seen.add(t.language)
    if (t.stages.length !== v.stages.length) {
      ctx.addIssue({ code: 'custom', path: ['translations', i, 'stages'], message: `Give ${v.stages.length} stages, as in the exercise's own text` })
    }
  })
}
export const ExerciseCreateInput = ExerciseFields.strict().superRefine(translationIssues)
export const ExerciseUpdateInput = ExerciseFields.extend({ id: Id, version: BaseVersion }).strict().superRefine(translationIssues)
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
  /** The language of name, purpose, steps, mistakes, stages and safety above. */
  language: Language
  /** The same texts in other languages (built-ins: all five; a clinic's own: those it wrote). */
  translations: ExerciseText[]
}

/** The languages an exercise can print in. */
export const exerciseLanguages = (e: Pick<Exercise, 'language' | 'translations'>): Language[] => [e.language, ...e.translations.map((t) => t.language)]

/**
 * The exercise as a document in `language` prints it: its text in that language, else in
 * `fallback` (the clinic's language), else its own. `language` says which one it got.
 */
export function exerciseIn<E extends Exercise>(e: E, language: Language, fallback: Language): E {
  const pick = (l: Language) => (l === e.language ? null : e.translations.find((t) => t.language === l))
  if (e.language === language) return e
  const t = pick(language) ?? (e.language === fallback ? null : pick(fallback))
  if (!t) return e
  const base = e.dosage.repsText
  return {
    ...e,
    language: t.language,
    name: t.name,
    purpose: t.purpose,
    steps: t.steps,
    mistakes: t.mistakes,
    stages: t.stages,
    safety: t.safety,
    dosage: { ...e.dosage, repsText: base !== null && t.repsText !== null ? t.repsText : base },
  }
}
