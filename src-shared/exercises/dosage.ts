// Dosage written the way a therapist says it to a patient, for screens and handouts, in any language.
import type { Dosage } from '../domain/exercise'
import { documentTranslator } from '../i18n/documents'
import { formatUnitList } from '../i18n/format'
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages'

/**
 * e.g. "Hold 5 seconds. Do it 10 times, 3 sets, twice a day." — ICU plurals per language.
 * `repsText` is printed as given: callers pass the text in the document's language.
 */
export function dosageSentence(d: Dosage, language: Language = DEFAULT_LANGUAGE): string {
  const t = documentTranslator(language)
  const parts: string[] = []
  if (d.holdSeconds !== null) parts.push(t('dosage.hold', { seconds: d.holdSeconds }))
  const what: string[] = []
  if (d.reps !== null) what.push(t('dosage.reps', { count: d.reps }))
  else if (d.repsText !== null) what.push(d.repsText)
  if (d.sets !== null) what.push(t('dosage.sets', { count: d.sets }))
  if (d.minutes !== null) what.push(t('dosage.minutes', { count: d.minutes }))
  const perDay = t('dosage.perDay', { count: d.timesPerDay })
  const perWeek = d.daysPerWeek === 7 ? null : t('dosage.perWeek', { count: d.daysPerWeek })
  if (what.length > 0) {
    const list = formatUnitList(what, language)
    parts.push(perWeek === null ? t('dosage.doWhat', { what: list, perDay }) : t('dosage.doWhatWeek', { what: list, perDay, perWeek }))
  } else {
    parts.push(perWeek === null ? t('dosage.do', { perDay }) : t('dosage.doWeek', { perDay, perWeek }))
  }
  return parts.join(' ')
}
