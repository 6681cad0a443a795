// The languages Footcore speaks, named in their own language (how a patient finds theirs in a list).
import { z } from 'zod'

export const LANGUAGES = ['en', 'uk', 'pl', 'de', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'en'

/** Each language's name written in that language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  uk: 'Українська',
  pl: 'Polski',
  de: 'Deutsch',
  es: 'Español',
}

export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v)

export const LanguageField = z.enum(LANGUAGES, { error: `Choose one of: ${LANGUAGES.join(', ')}` })

/** A language's name in another language ("Polish" in English, "польська" in Ukrainian), from Intl. */
export function languageNameIn(language: Language, inLanguage: Language): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(language) ?? LANGUAGE_NAMES[language]
  } catch {
    return LANGUAGE_NAMES[language]
  }
}
