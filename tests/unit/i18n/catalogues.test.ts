// Every catalogue (documents and screens) has every key of the English reference, with the same
// placeholders, and parses as ICU.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_CATALOGUES } from '@shared/i18n/documents/catalogue'
import { LANGUAGES } from '@shared/i18n/languages'
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

// The screens' catalogues are loaded as the renderer loads them (English bundled, the others on demand).
const LAYERS = { documents: DOCUMENT_CATALOGUES, screens: await allScreenCatalogues() }

describe.each(Object.entries(LAYERS))('the %s catalogues', (_layer, catalogues) => {
  const reference = catalogues.en
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys', (language) => {
    expect(Object.keys(catalogues[language]).sort()).toEqual(Object.keys(reference).sort())
  })
  it.each(LANGUAGES)('%s: every message parses and uses the same placeholders as English', (language) => {
    for (const [key, message] of Object.entries(catalogues[language])) {
      expect(message.trim(), `${language} ${key} is empty`).not.toBe('')
      const mine = [...placeholders(parse(message, { ignoreTag: true }))].sort()
      const english = [...placeholders(parse(reference[key as keyof typeof reference], { ignoreTag: true }))].sort()
      expect(mine, `${language} ${key}`).toEqual(english)
    }
  })
})

describe('the screens areas', () => {
  it('never share a key (the later area would silently win over the earlier one)', async () => {
    const { pagesEn } = await import('@shared/i18n/screens/pages/en')
    const { componentsEn } = await import('@shared/i18n/screens/components/en')
    expect(Object.keys(pagesEn).filter((k) => k in componentsEn)).toEqual([])
  })
})
