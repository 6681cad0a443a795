// ICU messages (FormatJS intl-messageformat): one compiled formatter per key and language, reused.
import { IntlMessageFormat } from 'intl-messageformat'
import { localeOf } from './format'
import type { Language } from './languages'

export type MessageValues = Record<string, string | number>
export type Translate<K extends string> = (key: K, values?: MessageValues) => string

/** A translator over one catalogue: `t('dosage.sets', { count: 3 })` → "3 sets". */
export function createTranslator<K extends string>(catalogue: Record<K, string>, language: Language): Translate<K> {
  const compiled = new Map<K, IntlMessageFormat>()
  const locale = localeOf(language)
  return (key, values) => {
    let f = compiled.get(key)
    if (!f) {
      // ignoreTag: catalogue texts are plain text; "<" in a clinical sentence is not markup.
      f = new IntlMessageFormat(catalogue[key], locale, undefined, { ignoreTag: true })
      compiled.set(key, f)
    }
    return String(f.format(values))
  }
}
