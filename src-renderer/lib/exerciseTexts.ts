// The exercises' own texts (name, purpose, steps, mistakes, stages, safety) in the screens'
// language: the core's exercise list carries every language it has (built-ins: all five; a
// clinic's own: those written), and the screens show the clinic's, else the exercise's own.
// Only for showing: the exercise form edits the exercise's own text, and what is saved (ids,
// dosage) never depends on the language shown.
import { exerciseIn, type Exercise } from '@shared/domain/exercise'
import type { Program } from '@shared/domain/program'
import type { Language } from '@shared/i18n/languages'

/** The exercise as the library shows it: every text in `language` where it has one. */
export const exerciseForScreens = (e: Exercise, language: Language): Exercise => exerciseIn(e, language, language)

/**
 * The exercise as a program editor offers it: its texts in `language`, its default dosage as
 * stored (a repetitions text is saved with the program in the exercise's own words).
 */
export const exerciseForPrograms = (e: Exercise, language: Language): Exercise => ({ ...exerciseIn(e, language, language), dosage: e.dosage })

/** A program with each exercise's name and stage names from `exercises` (shown in the screens' language). */
export function programForScreens(p: Program, exercises: Exercise[]): Program {
  const byId = new Map(exercises.map((e) => [e.id, e]))
  return {
    ...p,
    items: p.items.map((i) => {
      const e = byId.get(i.exerciseId)
      return e && e.stages.length === i.stages.length ? { ...i, exerciseName: e.name, stages: e.stages } : i
    }),
  }
}
