// The built-in foot-core catalog as the app refers to it: slugs, and the ready 16-week template.
// The exercise texts live in the database (seeded by a frozen migration) so clinics can read them
// offline and built-ins keep their history; this file names them and says how to combine them.
import type { Dosage } from '../domain/exercise'

export const BUILTIN_SLUGS = {
  towelCrumpling: 'towel-crumpling',
  shortFoot: 'short-foot',
  barefootTransition: 'barefoot-transition',
  toeYoga: 'toe-yoga',
  heelRaises: 'heel-raises',
  singleLegBalance: 'single-leg-balance',
} as const
export type BuiltinSlug = (typeof BUILTIN_SLUGS)[keyof typeof BUILTIN_SLUGS]

export interface ProgramTemplate {
  name: string
  weeks: number
  /** Exercises in handout order; dosage omitted means the exercise's own default. */
  items: { slug: BuiltinSlug; dosage?: Partial<Dosage> }[]
}

/** CLINICAL.md's three standard exercises with their default dosage. */
export const FOOT_CORE_16_WEEKS: ProgramTemplate = {
  name: 'Foot core — 16 weeks',
  weeks: 16,
  items: [{ slug: 'towel-crumpling' }, { slug: 'short-foot' }, { slug: 'barefoot-transition' }],
}

export const PROGRAM_TEMPLATES: ProgramTemplate[] = [FOOT_CORE_16_WEEKS]
