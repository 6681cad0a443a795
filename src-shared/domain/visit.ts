// Visits: per-foot measurements (mm) and symptom scores recorded at baseline, follow-ups and review.
import { z } from 'zod'
import { AHI_PLAUSIBLE, archHeightIndex, isPlausibleArchHeightIndex } from '../calc/measures'
import { STAGE_DECISIONS, type StageDecision } from '../calc/plan'
import { BaseVersion, Id, IsoDate, millimetres, text, wholeNumber } from './common'
import type { FieldIssue } from './errors'
import { ARCH_HEIGHT_METHODS, type ArchHeightMethod } from './settings'

export const VISIT_KINDS = ['baseline', 'follow_up', 'review'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  baseline: 'Baseline',
  follow_up: 'Follow-up',
  review: 'Four-month review',
}

export const SIDES = ['left', 'right'] as const
export type Side = (typeof SIDES)[number]

export const SYMPTOM_REGIONS = ['foot_heel', 'knee', 'low_back', 'neck', 'headache'] as const
export type SymptomRegion = (typeof SYMPTOM_REGIONS)[number]
export const SYMPTOM_LABELS: Record<SymptomRegion, string> = {
  foot_heel: 'Foot / heel',
  knee: 'Knee',
  low_back: 'Low back',
  neck: 'Neck',
  headache: 'Headache',
}

/** Valid input ranges from CLINICAL.md; the labels are what the therapist reads next to the field. */
export const MEASURES = {
  footLengthMm: { label: 'Foot length', min: 100, max: 380 },
  truncatedFootLengthMm: { label: 'Truncated foot length', min: 70, max: 300 },
  archHeightMm: { label: 'Arch height', min: 20, max: 120 },
  navicularSittingMm: { label: 'Navicular height sitting', min: 5, max: 90 },
  navicularStandingMm: { label: 'Navicular height standing', min: 5, max: 90 },
} as const
export type MeasureKey = keyof typeof MEASURES
export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[]

const measure = (k: MeasureKey) => millimetres(MEASURES[k].label, MEASURES[k].min, MEASURES[k].max).nullable().default(null)

export const FootInput = z
  .object({
    footLengthMm: measure('footLengthMm'),
    truncatedFootLengthMm: measure('truncatedFootLengthMm'),
    archHeightMm: measure('archHeightMm'),
    navicularSittingMm: measure('navicularSittingMm'),
    navicularStandingMm: measure('navicularStandingMm'),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.truncatedFootLengthMm !== null && f.footLengthMm !== null && f.truncatedFootLengthMm >= f.footLengthMm) {
      ctx.addIssue({
        code: 'custom',
        path: ['truncatedFootLengthMm'],
        message: 'Truncated foot length must be shorter than foot length',
      })
    }
  })
export type FootInputValue = z.output<typeof FootInput>

const score = (label: string) => wholeNumber(`${label} pain`, 0, 10).nullable().default(null)

export const SymptomsInput = z
  .object({
    foot_heel: score('Foot / heel'),
    knee: score('Knee'),
    low_back: score('Low back'),
    neck: score('Neck'),
    headache: score('Headache'),
  })
  .strict()

/** Days the patient ticked since the previous visit: for the program, and optionally per exercise. */
const daysDone = (label: string) => wholeNumber(label, 0, 366)
export const AdherenceInput = z
  .object({
    daysDone: daysDone('Days done').nullable().default(null),
    byExercise: z
      .array(z.object({ exerciseId: Id, daysDone: daysDone('Days done') }).strict())
      .max(20)
      .refine((list) => new Set(list.map((e) => e.exerciseId)).size === list.length, { error: 'Give each exercise’s days once' })
      .default([]),
  })
  .strict()

export const StageStepInput = z
  .object({
    exerciseId: Id,
    decision: z.enum(STAGE_DECISIONS, { error: 'Choose advance, hold or step back' }),
    reason: text('Reason', 300).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'step_back' && v.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the exercise steps back (for example what hurts)' })
    }
  })

const VisitFields = z.object({
  visitDate: IsoDate,
  therapistId: Id,
  kind: z.enum(VISIT_KINDS, { error: 'Choose baseline, follow-up or four-month review' }),
  archHeightMethod: z.enum(ARCH_HEIGHT_METHODS).optional(),
  left: FootInput.nullable().default(null),
  right: FootInput.nullable().default(null),
  symptoms: SymptomsInput.default({ foot_heel: null, knee: null, low_back: null, neck: null, headache: null }),
  headacheDays: wholeNumber('Headache days', 0, 28).nullable().default(null),
  notes: text('Notes', 5000).default(''),
  adherence: AdherenceInput.nullable().default(null),
})

/**
 * CLINICAL.md: an arch height index outside 0.200–0.500 is almost certainly a typing or measuring
 * error (often the arch height typed into the truncated length field), so it is not saved as it is.
 * The sentence names the two numbers to check. Only the dorsal method has an index.
 */
export function implausibleArchHeightIndex(
  feet: Pick<z.output<typeof VisitFields>, 'left' | 'right'>,
  method: ArchHeightMethod,
): FieldIssue[] {
  return SIDES.flatMap((side) => {
    const f = feet[side]
    if (f === null) return []
    const ahi = archHeightIndex(f.archHeightMm, f.truncatedFootLengthMm, method)
    if (ahi === null || isPlausibleArchHeightIndex(ahi)) return []
    const range = `${AHI_PLAUSIBLE.min.toFixed(3)}–${AHI_PLAUSIBLE.max.toFixed(3)}`
    return [
      {
        path: [side, 'archHeightMm'],
        message: `Arch height index ${ahi.toFixed(3)} is outside ${range}: check the arch height (${f.archHeightMm!.toFixed(1)} mm) and the truncated foot length (${f.truncatedFootLengthMm!.toFixed(1)} mm)`,
      },
    ]
  })
}

/**
 * What makes a visit: a foot length, an arch height (dorsal or navicular) or a pain score. A
 * truncated foot length, headache days or ticked days alone are not a visit (a stray value and
 * Enter would otherwise save a row of dashes).
 */
export const VISIT_CORE_MEASURES = ['footLengthMm', 'archHeightMm', 'navicularSittingMm', 'navicularStandingMm'] as const satisfies readonly MeasureKey[]
export const NOTHING_TO_SAVE = 'Enter a foot length, an arch height or a pain score: a truncated foot length alone is not a visit'

export function hasVisitCore(v: Pick<z.output<typeof VisitFields>, 'left' | 'right' | 'symptoms'>): boolean {
  const feet = [v.left, v.right].filter((f) => f !== null)
  return feet.some((f) => VISIT_CORE_MEASURES.some((k) => f[k] !== null)) || Object.values(v.symptoms).some((s) => s !== null)
}

function requireSomething(v: z.output<typeof VisitFields>, ctx: z.RefinementCtx) {
  if (!hasVisitCore(v)) {
    ctx.addIssue({ code: 'custom', path: ['left'], message: NOTHING_TO_SAVE })
  }
  // Without a method the clinic's applies, which only the service knows; it checks again there.
  if (v.archHeightMethod === 'dorsal_50') {
    for (const issue of implausibleArchHeightIndex(v, 'dorsal_50')) ctx.addIssue({ code: 'custom', ...issue })
  }
}

export const VisitRecordInput = VisitFields.extend({
  patientId: Id,
  /** The therapist's confirmation per exercise of the program; recorded once, with the visit. */
  stageSteps: z
    .array(StageStepInput)
    .max(20)
    .refine((list) => new Set(list.map((e) => e.exerciseId)).size === list.length, { error: 'Confirm each exercise once' })
    .default([]),
})
  .strict()
  .superRefine(requireSomething)
export const VisitCorrectInput = VisitFields.extend({
  visitId: Id,
  version: BaseVersion,
  reason: text('Reason for the correction', 500).refine((s) => s.length > 0, { error: 'Say why the visit is corrected' }),
})
  .strict()
  .superRefine(requireSomething)
export const VisitListInput = z
  .object({
    patientId: Id,
    /** Voided visits are left out unless asked for (the patient page lists them to restore). */
    includeVoided: z.boolean().default(false),
  })
  .strict()

/** Voiding a visit entered by mistake: it stays in the records, hidden, with the reason. */
export const VisitVoidInput = z
  .object({
    visitId: Id,
    version: BaseVersion,
    reason: text('Reason for voiding', 500).refine((s) => s.length > 0, { error: 'Say why the visit is voided' }),
  })
  .strict()
export const VisitRestoreInput = z.object({ visitId: Id, version: BaseVersion }).strict()

export interface VisitVoid {
  at: string
  byId: number | null
  byName: string | null
  reason: string
}

export type VisitRecord = z.input<typeof VisitRecordInput>

export interface FootMeasurement {
  footLengthMm: number | null
  truncatedFootLengthMm: number | null
  archHeightMm: number | null
  archHeightMethod: ArchHeightMethod
  navicularSittingMm: number | null
  navicularStandingMm: number | null
}

export type Symptoms = Record<SymptomRegion, number | null>

export interface Visit {
  id: number
  patientId: number
  visitDate: string
  therapistId: number
  therapistName: string
  /** The program the visit was recorded under; a correction never moves it to another program. */
  programId: number | null
  kind: VisitKind
  left: FootMeasurement | null
  right: FootMeasurement | null
  symptoms: Symptoms
  headacheDays: number | null
  notes: string
  createdAt: string
  updatedAt: string
  corrected: boolean
  /** Planned and done days since the previous visit of the program; null when not asked. */
  adherence: VisitAdherence | null
  stageSteps: StageStep[]
  /** Set when the visit was voided: hidden from tables, charts and reports until restored. */
  voided: VisitVoid | null
  version: number
}

export interface VisitAdherence {
  daysPlanned: number
  daysDone: number
  /** Per exercise, when the therapist entered the detail. */
  byExercise: { exerciseId: number; exerciseName: string; daysPlanned: number; daysDone: number }[]
}

export interface StageStep {
  exerciseId: number
  exerciseName: string
  decision: StageDecision
  stageBefore: number
  stageAfter: number
  reason: string
}
