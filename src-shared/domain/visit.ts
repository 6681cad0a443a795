// Visits: per-foot measurements (mm) and symptom scores recorded at baseline, follow-ups and review.
import { z } from 'zod'
import { Id, IsoDate, millimetres, text, wholeNumber } from './common'
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
})

function requireSomething(v: z.output<typeof VisitFields>, ctx: z.RefinementCtx) {
  const feet = [v.left, v.right].filter((f) => f !== null)
  const anyMeasure = feet.some((f) => MEASURE_KEYS.some((k) => f[k] !== null))
  const anySymptom = Object.values(v.symptoms).some((s) => s !== null) || v.headacheDays !== null
  if (!anyMeasure && !anySymptom) {
    ctx.addIssue({ code: 'custom', path: ['left'], message: 'Enter at least one measurement or pain score' })
  }
}

export const VisitRecordInput = VisitFields.extend({ patientId: Id }).strict().superRefine(requireSomething)
export const VisitCorrectInput = VisitFields.extend({
  visitId: Id,
  reason: text('Reason for the correction', 500).refine((s) => s.length > 0, { error: 'Say why the visit is corrected' }),
})
  .strict()
  .superRefine(requireSomething)
export const VisitListInput = z.object({ patientId: Id }).strict()

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
}
