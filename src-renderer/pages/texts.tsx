// Helpers for the pages' texts: a translated sentence with an element inside it (a link, a bold
// name) and measurements the language's way. The screen names of the core's codes (roles, sexes,
// complaints, visit kinds, symptoms) live in one place: lib/labels.ts.
import { Fragment, type ReactNode } from 'react'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import type { MessageValues, Translate } from '@shared/i18n/translate'
import { formatDecimal, formatSigned } from '@shared/i18n/format'
import type { Language } from '@shared/i18n/languages'
import { formatSignedMm } from '@shared/calc/measures'
import { mm, ratio3, signedRatio } from '../lib/format'

const MARK = '\uE000'

/**
 * One translated sentence with elements in it: `rich(t, 'patients.none', { link: <Anchor>…</Anchor> })`
 * for "No patients yet. Choose {link} to add the first one." The sentence stays one message, so a
 * language can put the element where its grammar wants it.
 */
export function rich(t: Translate<ScreenKey>, key: ScreenKey, nodes: Record<string, ReactNode>, values: MessageValues = {}): ReactNode {
  const marked: MessageValues = { ...values }
  for (const name of Object.keys(nodes)) marked[name] = `${MARK}${name}${MARK}`
  const parts = t(key, marked).split(MARK)
  // Odd parts are the names of the elements, even parts the text around them.
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? nodes[part] : part}</Fragment>)
}


/**
 * Measurements on screen the language's way ("23,5 mm" in German and Ukrainian). English keeps the
 * app's own formatting functions, so its texts stay exactly as they were.
 */
export function screenMm(t: Translate<ScreenKey>, language: Language, v: number | null | undefined): string {
  if (language === 'en' || v === null || v === undefined) return mm(v)
  return t('labels.mm', { value: formatDecimal(v, language, 1) })
}
export const screenRatio = (language: Language, v: number | null | undefined): string =>
  language === 'en' || v === null || v === undefined ? ratio3(v) : formatDecimal(v, language, 3)
export const screenSignedMm = (t: Translate<ScreenKey>, language: Language, v: number): string =>
  language === 'en' ? formatSignedMm(v) : t('labels.mm', { value: formatSigned(v, language, 1) })
export const screenSignedRatio = (language: Language, v: number): string => (language === 'en' ? signedRatio(v) : formatSigned(v, language, 3))
export const screenDecimal = (language: Language, v: number, decimals: number): string =>
  language === 'en' ? v.toFixed(decimals) : formatDecimal(v, language, decimals)
/** A number as JavaScript prints it, with the language's decimal sign (all but English write a comma). */
export const screenNumber = (language: Language, v: number): string => (language === 'en' ? String(v) : String(v).replace('.', ','))
