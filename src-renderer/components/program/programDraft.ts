// The program editor's state as typed, built from a template or a saved program, and the change
// sentences program history shows; pure functions so they are unit-tested without a browser.
import { parsePlannedWeeks, plannedWeeksText } from '@shared/calc/plan'
import { defaultReviewDate } from '@shared/calc/review'
import type { AuditEntry } from '@shared/domain/audit'
import type { Exercise } from '@shared/domain/exercise'
import type { Program } from '@shared/domain/program'
import type { ProgramTemplate } from '@shared/exercises/catalog'
import { formatClinicDateIn } from '@shared/i18n/format'
import { screenLanguage, t } from '../../i18n'
import { dosageToDraft, draftToDosage, type DosageDraft, type FieldErrors } from '../exercise/dosageDraft'

export interface DraftItem extends DosageDraft {
  /** Stable key for React and for focus after a move; not sent to the API. */
  key: string
  exerciseId: number
  exerciseName: string
  /** Planned start week per stage as typed: "1, 5, 9, 13" (a dash for "when the therapist allows"). */
  plannedWeeks: string
}

export interface ProgramDraft {
  name: string
  startDate: string
  reviewDate: string
  /** Once the therapist edits the review date, a new start date no longer moves it. */
  reviewDateEdited: boolean
  items: DraftItem[]
  reason: string
}

let nextKey = 0
const newKey = () => `item-${++nextKey}`

export function itemFromExercise(exercise: Exercise): DraftItem {
  return { key: newKey(), exerciseId: exercise.id, exerciseName: exercise.name, ...dosageToDraft(exercise.dosage), plannedWeeks: '' }
}

/** The ready template: its exercises by slug with each exercise's own default dosage. */
export function draftFromTemplate(
  template: ProgramTemplate,
  exercises: Exercise[],
  startDate: string,
  reviewIntervalWeeks: number,
): { draft: ProgramDraft; missing: string[] } {
  const items: DraftItem[] = []
  const missing: string[] = []
  for (const t of template.items) {
    const exercise = exercises.find((e) => e.slug === t.slug)
    if (!exercise) {
      missing.push(t.slug)
      continue
    }
    const item = { ...itemFromExercise(exercise), plannedWeeks: plannedWeeksText(t.plannedWeeks ?? null) }
    items.push(t.dosage ? { ...item, ...dosageToDraft({ ...exercise.dosage, ...t.dosage }) } : item)
  }
  return {
    draft: {
      name: template.name,
      startDate,
      reviewDate: defaultReviewDate(startDate, reviewIntervalWeeks),
      reviewDateEdited: false,
      items,
      reason: '',
    },
    missing,
  }
}

export function emptyDraft(name: string, startDate: string, reviewIntervalWeeks: number): ProgramDraft {
  return { name, startDate, reviewDate: defaultReviewDate(startDate, reviewIntervalWeeks), reviewDateEdited: false, items: [], reason: '' }
}

export function draftFromProgram(program: Program): ProgramDraft {
  return {
    name: program.name,
    startDate: program.startDate,
    reviewDate: program.reviewDate,
    reviewDateEdited: true,
    items: program.items.map((i) => ({
      key: newKey(),
      exerciseId: i.exerciseId,
      exerciseName: i.exerciseName,
      ...dosageToDraft(i),
      plannedWeeks: plannedWeeksText(i.plannedWeeks),
    })),
    reason: '',
  }
}

/** A new start date moves the review date along, unless the therapist chose one. */
export function withStartDate(draft: ProgramDraft, startDate: string, reviewIntervalWeeks: number): ProgramDraft {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(startDate)
  return {
    ...draft,
    startDate,
    reviewDate: !draft.reviewDateEdited && valid ? defaultReviewDate(startDate, reviewIntervalWeeks) : draft.reviewDate,
  }
}

/** Moves one item up (-1) or down (+1); out-of-range moves return the same list. */
export function moveItem<T>(items: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items
  const copy = items.slice()
  const [moved] = copy.splice(index, 1)
  copy.splice(to, 0, moved as T)
  return copy
}

/** Items as the contract wants them, or the typing errors keyed like the API's issue paths. */
export function draftItemsForApi(draft: ProgramDraft) {
  const errors: FieldErrors = {}
  const items = draft.items.map((item, index) => {
    const parsed = draftToDosage(item, `items.${index}`)
    Object.assign(errors, parsed.errors)
    const weeks = parsePlannedWeeks(item.plannedWeeks)
    if (weeks === 'invalid') errors[`items.${index}.plannedWeeks`] = t('program.plannedWeeksInvalid')
    return { exerciseId: item.exerciseId, ...parsed.dosage, plannedWeeks: weeks === 'invalid' ? null : weeks }
  })
  return { items, errors }
}

/** Whether the draft differs from what it started as (so leaving should ask first). */
export function draftChanged(a: ProgramDraft, b: ProgramDraft): boolean {
  const strip = (d: ProgramDraft) => ({ ...d, items: d.items.map(({ key: _key, ...rest }) => rest) })
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b))
}

// ---- History: what changed between two saved versions of a program -------------------------

/** One item as stored in an audit snapshot (a Program saved as JSON). */
export interface SnapshotItem {
  exerciseId: number
  exerciseName: string
  sets: number | null
  reps: number | null
  repsText: string | null
  holdSeconds: number | null
  minutes: number | null
  timesPerDay: number
  daysPerWeek: number
  stage: number
  notes: string
}
export interface ProgramSnapshot {
  reviewDate: string | null
  items: SnapshotItem[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Reads an audit entry's before/after as a program, tolerating older or partial shapes. */
export function readSnapshot(v: unknown): ProgramSnapshot | null {
  if (!isRecord(v) || !Array.isArray(v.items)) return null
  const items: SnapshotItem[] = v.items.filter(isRecord).map((i) => ({
    exerciseId: numOrNull(i.exerciseId) ?? 0,
    exerciseName: str(i.exerciseName) || t('program.exercise'),
    sets: numOrNull(i.sets),
    reps: numOrNull(i.reps),
    repsText: typeof i.repsText === 'string' ? i.repsText : null,
    holdSeconds: numOrNull(i.holdSeconds),
    minutes: numOrNull(i.minutes),
    timesPerDay: numOrNull(i.timesPerDay) ?? 1,
    daysPerWeek: numOrNull(i.daysPerWeek) ?? 7,
    stage: numOrNull(i.stage) ?? 0,
    notes: str(i.notes),
  }))
  return { reviewDate: typeof v.reviewDate === 'string' ? v.reviewDate : null, items }
}

/** "5 Mar 2026" from "2026-03-05" (the app's one date format); '' for none. */
export function formatDate(iso: string | null): string {
  return iso === null ? '' : formatClinicDateIn(iso, screenLanguage())
}

/** Stage name of an exercise by index, e.g. "Standing on both feet"; "stage 3" when unknown. */
export type StageNamer = (exerciseId: number, stage: number) => string

export function stageNamer(exercises: Exercise[]): StageNamer {
  const byId = new Map(exercises.map((e) => [e.id, e]))
  return (exerciseId, stage) => byId.get(exerciseId)?.stages[stage] ?? t('program.stageLower', { stage: stage + 1 })
}

const shorten = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)
const show = (v: number | string | null, unit = ''): string => (v === null || v === '' ? t('program.change.none') : unit === 's' ? t('program.unit.seconds', { value: String(v) }) : String(v))

function itemChanges(a: SnapshotItem, b: SnapshotItem, stageName: StageNamer): string[] {
  const out: string[] = []
  const num = (label: string, x: number | null, y: number | null, unit = '') => {
    if (x !== y) out.push(t('program.change.value', { field: label, from: show(x, unit), to: show(y, unit) }))
  }
  num(t('program.change.sets'), a.sets, b.sets)
  num(t('program.change.reps'), a.reps, b.reps)
  if (a.repsText !== b.repsText) out.push(t('program.change.repsText', { from: shorten(show(a.repsText)), to: shorten(show(b.repsText)) }))
  num(t('program.change.hold'), a.holdSeconds, b.holdSeconds, 's')
  num(t('program.change.minutes'), a.minutes, b.minutes)
  num(t('program.change.timesPerDay'), a.timesPerDay, b.timesPerDay)
  num(t('program.change.daysPerWeek'), a.daysPerWeek, b.daysPerWeek)
  if (a.stage !== b.stage) out.push(t('program.change.stage', { from: stageName(a.exerciseId, a.stage), to: stageName(b.exerciseId, b.stage) }))
  if (a.notes !== b.notes) out.push(b.notes === '' ? t('program.change.notesRemoved') : t('program.change.notes', { text: shorten(b.notes) }))
  return out
}

/**
 * What a therapist changed, one sentence per exercise, e.g.
 * "Short-foot exercise: sets 3 → 2; stage Sitting → Standing on both feet".
 * Items are matched by exercise (the n-th occurrence with the n-th), so a reorder is not an edit.
 */
export function describeProgramChanges(before: ProgramSnapshot, after: ProgramSnapshot, stageName: StageNamer): string[] {
  const sentences: string[] = []
  if (before.reviewDate !== null && after.reviewDate !== null && before.reviewDate !== after.reviewDate) {
    sentences.push(t('program.change.reviewDate', { from: formatDate(before.reviewDate), to: formatDate(after.reviewDate) }))
  }
  const remaining = before.items.slice()
  const pairs: { a: SnapshotItem; b: SnapshotItem }[] = []
  for (const b of after.items) {
    const at = remaining.findIndex((a) => a.exerciseId === b.exerciseId)
    if (at === -1) {
      sentences.push(t('program.change.added', { name: b.exerciseName }))
      continue
    }
    const [a] = remaining.splice(at, 1)
    pairs.push({ a: a as SnapshotItem, b })
  }
  for (const a of remaining) sentences.push(t('program.change.removed', { name: a.exerciseName }))
  for (const { a, b } of pairs) {
    const changes = itemChanges(a, b, stageName)
    if (changes.length > 0) sentences.push(t('program.change.item', { name: b.exerciseName, changes: changes.join('; ') }))
  }
  const kept = new Set(pairs.map((p) => p.b))
  const beforeOrder = before.items.filter((a) => pairs.some((p) => p.a === a)).map((a) => a.exerciseId)
  const afterOrder = after.items.filter((b) => kept.has(b)).map((b) => b.exerciseId)
  if (beforeOrder.join(',') !== afterOrder.join(',')) {
    sentences.push(t('program.change.order', { names: after.items.map((b) => b.exerciseName).join(', ') }))
  }
  return sentences
}

/** One line of program history: what happened, in words, from an audit entry. */
export function describeHistoryEntry(entry: AuditEntry, stageName: StageNamer): { title: string; details: string[] } {
  const reason = entry.reason ? [t('program.history.reason', { reason: entry.reason })] : []
  if (entry.action === 'create') {
    const after = readSnapshot(entry.after)
    const n = after?.items.length ?? 0
    return {
      title: t('program.history.assigned'),
      details: after ? [t('program.history.assignedItems', { count: n, names: after.items.map((i) => i.exerciseName).join(', ') }), ...reason] : reason,
    }
  }
  if (entry.action === 'end') {
    const endDate = isRecord(entry.after) && typeof entry.after.endDate === 'string' ? entry.after.endDate : null
    return { title: endDate ? t('program.history.endedOn', { date: formatDate(endDate) }) : t('program.history.ended'), details: reason }
  }
  if (entry.action === 'update') {
    const before = readSnapshot(entry.before)
    const after = readSnapshot(entry.after)
    const changes = before && after ? describeProgramChanges(before, after, stageName) : []
    return { title: t('program.history.changed'), details: [...(changes.length > 0 ? changes : [t('program.history.noChanges')]), ...reason] }
  }
  return { title: entry.action, details: reason }
}
