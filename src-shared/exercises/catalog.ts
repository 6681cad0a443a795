// The built-in foot-core catalog as the app refers to it: slugs, and the ready 16-week template.
// The exercise texts live in the database (seeded by a frozen migration) so clinics can read them
// offline and built-ins keep their history; this file names them and says how to combine them.
import type { PlannedWeeks } from '../calc/plan'
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
  items: { slug: BuiltinSlug; dosage?: Partial<Dosage>; plannedWeeks?: PlannedWeeks }[]
}

/**
 * CLINICAL.md's three standard exercises with their default dosage and planned progression:
 * short-foot sitting 1–4, both feet 5–8, one foot 9–12, knee bend / functional 13–16; towel only
 * 1–4, with a weight 5–8, standing 9–16; barefoot at home from week 1, minimalist shoes for walking
 * from week 5, running only when the therapist allows it (no planned week). Migration 0005 writes
 * the same plan into programs already running from this template.
 */
export const FOOT_CORE_16_WEEKS: ProgramTemplate = {
  name: 'Foot core — 16 weeks',
  weeks: 16,
  items: [
    { slug: 'towel-crumpling', plannedWeeks: [1, 5, 9] },
    { slug: 'short-foot', plannedWeeks: [1, 5, 9, 13] },
    { slug: 'barefoot-transition', plannedWeeks: [1, 5, null, null] },
  ],
}

export const PROGRAM_TEMPLATES: ProgramTemplate[] = [FOOT_CORE_16_WEEKS]
