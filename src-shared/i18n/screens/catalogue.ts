// The screens' catalogue: one file per area and language (pages/, components/), merged here.
// English is bundled (the source of the keys and the fallback while another language loads);
// every other language is loaded on demand, so the renderer carries only the active one.
import type { Language } from '../languages'
import { componentsEn, type ComponentsKey } from './components/en'
import { pagesEn, type PagesKey } from './pages/en'

export type ScreenKey = PagesKey | ComponentsKey
export type ScreenCatalogue = Record<ScreenKey, string>

export const SCREENS_EN: ScreenCatalogue = { ...pagesEn, ...componentsEn }

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<[{ default: Record<PagesKey, string> }, { default: Record<ComponentsKey, string> }]>> = {
  uk: () => Promise.all([import('./pages/uk'), import('./components/uk')]),
  pl: () => Promise.all([import('./pages/pl'), import('./components/pl')]),
  de: () => Promise.all([import('./pages/de'), import('./components/de')]),
  es: () => Promise.all([import('./pages/es'), import('./components/es')]),
}

export async function loadScreenCatalogue(language: Language): Promise<ScreenCatalogue> {
  if (language === 'en') return SCREENS_EN
  const [pages, components] = await LOADERS[language]()
  return { ...pages.default, ...components.default }
}

/** Every language's catalogue at once (tests: every key in every language). */
export async function allScreenCatalogues(): Promise<Record<Language, ScreenCatalogue>> {
  const out = { en: SCREENS_EN } as Record<Language, ScreenCatalogue>
  for (const l of Object.keys(LOADERS) as Exclude<Language, 'en'>[]) out[l] = await loadScreenCatalogue(l)
  return out
}
