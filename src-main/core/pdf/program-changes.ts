// Turns the program audit trail (before/after snapshots) into the plain lines the report prints.
import { localDateOf } from '@shared/calc/dates'
import type { AuditEntry } from '@shared/domain/audit'
import type { Exercise } from '@shared/domain/exercise'
import type { Program, ProgramItem } from '@shared/domain/program'
import { dosageSentence } from '@shared/exercises/dosage'
import { documentTranslator, type DocumentTranslate } from '@shared/i18n/documents'
import type { Language } from '@shared/i18n/languages'
import { documentDate } from './layout'

export interface ProgramChange {
  /** YYYY-MM-DD the change was saved, in the clinic's time zone. */
  date: string
  by: string | null
  reason: string | null
  lines: string[]
}

const isProgram = (v: unknown): v is Program =>
  typeof v === 'object' && v !== null && Array.isArray((v as Program).items) && typeof (v as Program).reviewDate === 'string'

function stageName(exercises: Map<number, Exercise>, item: ProgramItem, t: DocumentTranslate): string {
  const e = exercises.get(item.exerciseId)
  const name = e?.stages[item.stage]
  return name ? t('change.stageNamed', { stage: item.stage + 1, name }) : t('change.stageNumber', { stage: item.stage + 1 })
}

/**
 * What changed between two snapshots of one program, one line per change, in `language`.
 * Exercise names come from `exercises` (already in the document's language) where it has them.
 */
export function describeProgramUpdate(
  before: Program,
  after: Program,
  exercises: Map<number, Exercise>,
  language: Language = 'en',
  localize: (item: ProgramItem) => ProgramItem = (item) => item,
): string[] {
  const t = documentTranslator(language)
  const nameOf = (item: ProgramItem) => localize(item).exerciseName
  const dosage = (item: ProgramItem) => dosageSentence(localize(item), language)
  const lines: string[] = []
  const old = new Map(before.items.map((i) => [i.exerciseId, i]))
  const now = new Map(after.items.map((i) => [i.exerciseId, i]))
  for (const item of after.items) {
    const was = old.get(item.exerciseId)
    if (!was) {
      lines.push(t('change.added', { name: nameOf(item), dosage: dosage(item) }))
      continue
    }
    if (was.stage !== item.stage) lines.push(t('change.stage', { name: nameOf(item), before: stageName(exercises, was, t), after: stageName(exercises, item, t) }))
    const a = dosage(was)
    const b = dosage(item)
    if (a !== b) lines.push(t('change.dosage', { name: nameOf(item), before: a, after: b }))
  }
  for (const item of before.items) if (!now.has(item.exerciseId)) lines.push(t('change.removed', { name: nameOf(item) }))
  if (before.reviewDate !== after.reviewDate) {
    lines.push(t('change.reviewDate', { before: documentDate(before.reviewDate, language), after: documentDate(after.reviewDate, language) }))
  }
  return lines
}

/** Oldest first; creation is left out (the report lists the program itself). */
export function programChanges(
  entries: AuditEntry[],
  exercises: Map<number, Exercise>,
  language: Language = 'en',
  localize?: (item: ProgramItem) => ProgramItem,
): ProgramChange[] {
  return [...entries]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
    .flatMap((e): ProgramChange[] => {
      // The clinic's calendar day: a change at 20:30 in New York is still that day, not UTC's next.
      const base = { date: localDateOf(e.at), by: e.therapistName, reason: e.reason }
      if (e.action === 'update' && isProgram(e.before) && isProgram(e.after)) {
        const lines = describeProgramUpdate(e.before, e.after, exercises, language, localize)
        return lines.length > 0 ? [{ ...base, lines }] : []
      }
      if (e.action === 'end') return [{ ...base, lines: [documentTranslator(language)('change.ended')] }]
      return []
    })
}
