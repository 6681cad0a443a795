// Helpers for the pages' texts: a translated sentence with an element inside it (a link, a bold
// name), and the screen names of the core's codes (roles, sexes, complaints, visit kinds, symptoms).
// The domain's English constants stay as they are for the core; the screens read these keys.
import { Fragment, type ReactNode } from 'react'
import type { Complaint, Sex } from '@shared/domain/patient'
import type { UserRole } from '@shared/domain/user'
import type { SymptomRegion, VisitKind } from '@shared/domain/visit'
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

export const roleLabel = (t: Translate<ScreenKey>, role: UserRole): string => t(`labels.role.${role}`)
export const sexLabel = (t: Translate<ScreenKey>, sex: Sex): string => t(`labels.sex.${sex}`)
export const complaintLabel = (t: Translate<ScreenKey>, c: Complaint): string => t(`labels.complaint.${c}`)
export const visitKindLabel = (t: Translate<ScreenKey>, k: VisitKind): string => t(`labels.visitKind.${k}`)
export const symptomLabel = (t: Translate<ScreenKey>, r: SymptomRegion): string => t(`labels.symptom.${r}`)

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
