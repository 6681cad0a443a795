// Decimals on screens the language's way: "23,5 mm" in German, Ukrainian, Polish and Spanish, "23.5 mm" in English.
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '@shared/i18n/languages'
import { allScreenCatalogues } from '@shared/i18n/screens/catalogue'
import { createTranslator } from '@shared/i18n/translate'
import { decimal, signedDecimal } from '../../../src-renderer/lib/format'
import { parseDecimal } from '../../../src-renderer/lib/numbers'

describe('decimals on screens', () => {
  const MM: Record<Language, string> = { en: '23.5 mm', uk: '23,5 мм', pl: '23,5 mm', de: '23,5 mm', es: '23,5 mm' }
  it.each(LANGUAGES)('%s: 23.5 mm, an arch height index, a signed change', async (language) => {
    const t = createTranslator((await allScreenCatalogues())[language], language)
    expect(t('format.mm', { value: decimal(23.5, 1, language) })).toBe(MM[language])
    const comma = language === 'en' ? '.' : ','
    expect(decimal(0.341, 3, language)).toBe(`0${comma}341`)
    expect(signedDecimal(-2.5, 1, language)).toBe(`−2${comma}5`)
    expect(signedDecimal(0.012, 3, language)).toBe(`+0${comma}012`)
    expect(signedDecimal(0, 1, language)).toBe(`0${comma}0`)
  })
  it('English keeps toFixed’s digits', () => {
    for (const v of [1.005, 2.345, 0.0005, 252, 7.25]) expect(decimal(v, 1, 'en')).toBe(v.toFixed(1))
  })
})

describe('entry', () => {
  it('accepts a comma and a point whatever the language shows', () => {
    expect(parseDecimal('23,5')).toBe(23.5)
    expect(parseDecimal('23.5')).toBe(23.5)
  })
})
