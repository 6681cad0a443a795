// A program for the conflict review: one flat value per field people see in the editor (the review
// date, the list of exercises, each exercise's dosage), their labels and how a value reads, and the
// draft rebuilt from the choices. Pure, so it is unit-tested without a browser.
import type { Program } from '@shared/domain/program'
import { t } from '../../i18n'
import { dosageLabel } from '../exercise/dosageDraft'
import { formatDate, type DraftItem, type ProgramDraft } from './programDraft'

/** "review date", "exercises" (item ids in order), and "<item id>.<field>" for each exercise's fields. */
export type ProgramReviewValues = Record<string, unknown>

const ITEM_FIELDS = ['sets', 'reps', 'repsText', 'holdSeconds', 'minutes', 'timesPerDay', 'daysPerWeek', 'stage', 'notes', 'plannedWeeks'] as const
type ItemField = (typeof ITEM_FIELDS)[number]
const itemLabel = (f: ItemField): string => (f === 'plannedWeeks' ? t('program.plannedWeeks') : dosageLabel(f))

/** An exercise's name and stage names, to write ids as people read them. */
export type ExerciseNames = Map<number, { name: string; stages: string[] }>

export function exerciseNames(list: { id?: number; exerciseId?: number; name?: string; exerciseName?: string; stages: string[] }[]): ExerciseNames {
  return new Map(list.map((e) => [e.exerciseId ?? e.id ?? 0, { name: e.exerciseName ?? e.name ?? t('program.exercise'), stages: e.stages }]))
}

/** Items keyed by exercise and occurrence ("12#0"), so a reorder is not an edit (as program history does). */
function itemIds(items: DraftItem[]): { id: string; item: DraftItem }[] {
  const seen = new Map<number, number>()
  return items.map((item) => {
    const n = seen.get(item.exerciseId) ?? 0
    seen.set(item.exerciseId, n + 1)
    return { id: `${item.exerciseId}#${n}`, item }
  })
}

const exerciseOf = (id: string): number => Number(id.split('#')[0])

export function programReviewValues(draft: ProgramDraft): ProgramReviewValues {
  const out: ProgramReviewValues = { reviewDate: draft.reviewDate, exercises: itemIds(draft.items).map((i) => i.id) }
  for (const { id, item } of itemIds(draft.items)) for (const f of ITEM_FIELDS) out[`${id}.${f}`] = item[f].trim()
  return out
}

/** The review's fields: the review date, the exercises, and the dosage of each exercise both versions hold. */
export function programReviewFields(mine: ProgramDraft, theirs: ProgramDraft, names: ExerciseNames): { key: string; label: string }[] {
  const theirIds = new Set(itemIds(theirs.items).map((i) => i.id))
  const both = itemIds(mine.items).filter((i) => theirIds.has(i.id))
  return [
    { key: 'reviewDate', label: t('program.reviewDate') },
    { key: 'exercises', label: t('program.exercises') },
    ...both.flatMap(({ id, item }) =>
      ITEM_FIELDS.map((f) => ({ key: `${id}.${f}`, label: t('program.review.itemField', { name: names.get(item.exerciseId)?.name ?? item.exerciseName, field: itemLabel(f) }) })),
    ),
  ]
}


/** A value as the review shows it: dates written out, exercise and stage names, units. */
export function programShownValue(names: ExerciseNames): (key: string, v: unknown) => string {
  return (key, v) => {
    if (key === 'reviewDate') return typeof v === 'string' && v !== '' ? formatDate(v) : '—'
    if (key === 'exercises') return (v as string[]).map((id) => names.get(exerciseOf(id))?.name ?? t('program.exercise')).join(', ') || '—'
    if (key === 'endDate') return typeof v === 'string' && v !== '' ? formatDate(v) : t('program.review.notEnded')
    const text = typeof v === 'string' ? v.trim() : ''
    if (text === '') return '—'
    const field = key.slice(key.indexOf('.') + 1) as ItemField
    if (field === 'stage') return names.get(exerciseOf(key))?.stages[Number(text)] ?? t('program.stageNumber', { stage: Number(text) + 1 })
    if (field === 'holdSeconds') return t('program.unit.seconds', { value: text })
    if (field === 'minutes') return t('program.unit.minutes', { value: text })
    return text
  }
}

/** The draft the choices make: the exercises in the chosen order, each with the chosen values. */
export function draftFromReview(merged: ProgramReviewValues, mine: ProgramDraft, theirs: ProgramDraft): ProgramDraft {
  const mineById = new Map(itemIds(mine.items).map((i) => [i.id, i.item]))
  const theirsById = new Map(itemIds(theirs.items).map((i) => [i.id, i.item]))
  const items = (merged.exercises as string[]).flatMap((id) => {
    const from = mineById.get(id) ?? theirsById.get(id)
    if (!from) return []
    const item: DraftItem = { ...from }
    for (const f of ITEM_FIELDS) {
      const v = merged[`${id}.${f}`]
      if (typeof v === 'string') item[f] = v
    }
    return [item]
  })
  return { ...mine, reviewDate: typeof merged.reviewDate === 'string' ? merged.reviewDate : mine.reviewDate, items }
}

/** The end dialog's fields next to the program's: ending and what they changed meanwhile. */
export function endReviewValues(draft: ProgramDraft, end: { endDate: string; reason: string }): ProgramReviewValues {
  return { endDate: end.endDate, reason: end.reason, ...programReviewValues(draft) }
}

/** A program someone else saved, its end included (an active one reads "Not ended"). */
export function programEnd(p: Program): { endDate: string; reason: string } {
  return { endDate: p.endDate ?? '', reason: p.endReason ?? '' }
}
