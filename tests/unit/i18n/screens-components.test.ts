// The screens' components catalogue: every language has the English keys and placeholders; dates
// on screens are written the language's way (English exactly as before). Decimals: tests/unit/renderer/display-language.test.ts.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { formatClinicDate } from '@shared/calc/dates'
import { formatClinicDateIn } from '@shared/i18n/format'
import { LANGUAGES, type Language } from '@shared/i18n/languages'
import { componentsEn } from '@shared/i18n/screens/components/en'
import { allScreenCatalogues } from '@shared/i18n/screens/catalogue'

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value)
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value)
      for (const option of Object.values(e.options)) placeholders(option.value, into)
    }
  }
  return into
}

describe('the components catalogue', () => {
  const keys = Object.keys(componentsEn) as (keyof typeof componentsEn)[]
  it.each(LANGUAGES)('%s: every key, parsed, with the English placeholders', async (language) => {
    const catalogue = (await allScreenCatalogues())[language]
    for (const key of keys) {
      const message = catalogue[key]
      expect(message, `${language} ${key}`).toBeTypeOf('string')
      expect(message.trim(), `${language} ${key} is empty`).not.toBe('')
      const mine = [...placeholders(parse(message, { ignoreTag: true }))].sort()
      const english = [...placeholders(parse(componentsEn[key], { ignoreTag: true }))].sort()
      expect(mine, `${language} ${key}`).toEqual(english)
    }
  })
})

describe('dates on screens', () => {
  it('English is formatClinicDate exactly', () => {
    for (const iso of ['2026-07-20', '1980-02-29', '2026-09-01', '2026-12-31']) expect(formatClinicDateIn(iso, 'en')).toBe(formatClinicDate(iso))
    expect(formatClinicDateIn(null, 'uk')).toBe('—')
    expect(formatClinicDateIn('not a date', 'de')).toBe('not a date')
  })
  const JULY_20: Record<Language, string> = { en: '20 Jul 2026', uk: '20 лип. 2026', pl: '20 lip 2026', de: '20. Juli 2026', es: '20 jul 2026' }
  it.each(LANGUAGES)('%s: 20 July 2026 with a short month', (language) => {
    expect(formatClinicDateIn('2026-07-20', language)).toBe(JULY_20[language])
  })
})

