// The clinic's words that live as English constants in src-shared/domain (visit kinds, symptoms,
// measures, complaints, roles…), said in the screens' language. The domain constants stay as they
// are for the core and the documents; screens take their words from here.
import { nextPlanned, type PlanState, type StageDecision } from '@shared/calc/plan'
import type { CompareRow } from '@shared/calc/compare'
import type { BackupReason } from '@shared/domain/backup'
import type { Complaint, Sex } from '@shared/domain/patient'
import type { ArchHeightMethod } from '@shared/domain/settings'
import type { UserRole } from '@shared/domain/user'
import type { MeasureKey, Side, SymptomRegion, VisitKind } from '@shared/domain/visit'
import { screenLanguage, t } from '../i18n'

export const visitKindLabel = (k: VisitKind): string => t(`labels.visitKind.${k}`)
export const symptomLabel = (r: SymptomRegion): string => t(`labels.symptom.${r}`)
export const measureLabel = (k: MeasureKey): string => t(`labels.measure.${k}`)
export const complaintLabel = (c: Complaint): string => t(`labels.complaint.${c}`)
export const sexLabel = (s: Sex): string => t(`labels.sex.${s}`)
export const archMethodLabel = (m: ArchHeightMethod): string => t(`labels.archMethod.${m}`)
export const roleLabel = (r: UserRole): string => t(`labels.role.${r}`)
export const backupReasonLabel = (r: BackupReason): string => t(`labels.backupReason.${r}`)
export const stageDecisionLabel = (d: StageDecision): string => t(`labels.stageDecision.${d}`)
export const sideLabel = (s: Side): string => t(`labels.side.${s}`)

/** A comparison row's measure and its note ("Measured with different methods: not compared"). */
export const compareRowLabel = (r: CompareRow): string => t(`labels.compare.${r.key}`)
export const compareRowNote = (r: CompareRow): string | null => (r.note === null ? null : t('labels.compare.differentMethods'))

/** "Stage 2 of 4: Standing on both feet". */
export function stageNowText(stage: number, stages: string[]): string {
  return t('labels.stageNow', { stage: Math.min(stage + 1, stages.length), count: stages.length, name: stages[stage] ?? '' })
}

// German writes its nouns with a capital; the others lower the first letter inside a sentence.
const inSentence = (s: string) => (s === '' || screenLanguage() === 'de' ? s : s.charAt(0).toLowerCase() + s.slice(1))

/** "planned: standing on both feet from week 5" (or when the therapist allows it; empty without a plan). */
export function plannedNextText(p: PlanState, stages: string[]): string {
  const next = nextPlanned(p)
  if (next === null) return p.plannedWeeks === null ? '' : t('labels.lastStage')
  const name = inSentence(stages[next.stage] ?? t('labels.stageNumber', { stage: next.stage + 1 }))
  return next.week === null ? t('labels.nextWhenAllowed', { name }) : t('labels.plannedFromWeek', { name, week: next.week })
}
