// The screens' language: the clinic's (Settings), remembered on this computer for the sign-in
// screens before anyone is signed in. `useT()` gives the translator of the active catalogue; code
// outside components (notifications, formatting) uses `t()`. Only the active language is loaded.
import { useEffect, useSyncExternalStore, type ReactNode } from 'react'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@shared/i18n/languages'
import { loadScreenCatalogue, SCREENS_EN, type ScreenKey } from '@shared/i18n/screens/catalogue'
import { createTranslator, type MessageValues, type Translate } from '@shared/i18n/translate'

const REMEMBERED = 'footcore.language'

interface State {
  language: Language
  translate: Translate<ScreenKey>
}
let state: State = { language: 'en', translate: createTranslator(SCREENS_EN, 'en') }
const listeners = new Set<() => void>()
let wanted: Language = 'en'

/** Switches the screens to `language` (once its catalogue has loaded; English meanwhile). */
export function setScreenLanguage(language: Language): void {
  if (language === wanted) return
  wanted = language
  window.localStorage.setItem(REMEMBERED, language)
  void loadScreenCatalogue(language).then((catalogue) => {
    if (wanted !== language) return
    state = { language, translate: createTranslator(catalogue, language) }
    document.documentElement.lang = language
    for (const l of listeners) l()
  })
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The active translator, for code outside components. */
export const t = (key: ScreenKey, values?: MessageValues): string => state.translate(key, values)
export const screenLanguage = (): Language => state.language

/**
 * Starts in the language remembered on this computer and shows nothing until its catalogue is
 * there (no English flash); later switches re-render every component that uses `useT`.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    const remembered = window.localStorage.getItem(REMEMBERED)
    setScreenLanguage(isLanguage(remembered) ? remembered : DEFAULT_LANGUAGE)
  }, [])
  const current = useSyncExternalStore(subscribe, () => state)
  const remembered = window.localStorage.getItem(REMEMBERED)
  const waiting = isLanguage(remembered) && remembered !== current.language && wanted === remembered
  return waiting ? null : <>{children}</>
}

/** The translator for the active language (the component re-renders when it changes). */
export function useT(): Translate<ScreenKey> {
  return useSyncExternalStore(subscribe, () => state).translate
}

export function useScreenLanguage(): Language {
  return useSyncExternalStore(subscribe, () => state).language
}
