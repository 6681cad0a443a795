// A translator for the documents layer in one language (handout, report, dosage sentence).
import { DOCUMENT_CATALOGUES, type DocumentKey } from './documents/catalogue'
import type { Language } from './languages'
import { createTranslator, type Translate } from './translate'

export type DocumentTranslate = Translate<DocumentKey>

const translators = new Map<Language, DocumentTranslate>()

export function documentTranslator(language: Language): DocumentTranslate {
  let t = translators.get(language)
  if (!t) {
    t = createTranslator(DOCUMENT_CATALOGUES[language], language)
    translators.set(language, t)
  }
  return t
}
