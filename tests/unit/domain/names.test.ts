// Names: what is accepted, and the accent-free key that prefix search uses.
import { describe, expect, it } from 'vitest'
import { nameQueryWords, nameSearchKey, nameWordKeys, personName } from '@shared/domain/names'

describe('personName', () => {
  const name = personName('Last name')
  it.each(["Łukasiewicz-O'Brien", 'Шостакович', 'van der Berg', 'St. John', 'Nguyễn', 'O’Neill'])('accepts %s', (n) => {
    expect(name.parse(n)).toBe(n)
  })
  it.each([
    ['', 'Last name is required'],
    ['   ', 'Last name is required'],
    ['Robert"); DROP TABLE patients;--', 'Last name can contain only letters, spaces, apostrophes, hyphens and dots'],
    ['Smith 😀', 'Last name can contain only letters, spaces, apostrophes, hyphens and dots'],
    ['x'.repeat(101), 'Last name can be at most 100 characters'],
  ])('refuses %j', (n, message) => {
    const r = name.safeParse(n)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.message)).toEqual([message])
  })
})

describe('nameSearchKey', () => {
  it('folds case and accents, including letters Unicode does not decompose', () => {
    expect(nameSearchKey("Łukasiewicz-O'Brien")).toBe("lukasiewicz-o'brien")
    expect(nameSearchKey('Zoë')).toBe('zoe')
    expect(nameSearchKey('Søren Æbelø')).toBe('soren aebelo')
    expect(nameSearchKey('Straße')).toBe('strasse')
    expect(nameSearchKey('Шостакович')).toBe('шостакович')
  })
})

describe('nameWordKeys and nameQueryWords', () => {
  it('gives every word of a name with the rest of the name joined after it', () => {
    expect(nameWordKeys('Ó Briain')).toEqual(['obriain', 'briain'])
    expect(nameWordKeys('van der Berg')).toEqual(['vanderberg', 'derberg', 'berg'])
    expect(nameWordKeys("O'Neill")).toEqual(['oneill', 'neill'])
    expect(nameWordKeys('Thị Minh Khai', 'Nguyễn')).toEqual(['thiminhkhai', 'minhkhai', 'khai', 'nguyen'])
    expect(nameWordKeys("Łukasiewicz-O'Brien")).toEqual(['lukasiewiczobrien', 'obrien', 'brien'])
    expect(nameWordKeys('St. John', 'Anna')).toEqual(['stjohn', 'john', 'anna'])
    // The same key from both names is stored once.
    expect(nameWordKeys('Anna', 'Anna')).toEqual(['anna'])
  })

  it('splits a search at spaces and drops apostrophes, hyphens, dots and accents inside each word', () => {
    expect(nameQueryWords("  O'Neill  Seán ")).toEqual(['oneill', 'sean'])
    expect(nameQueryWords('Łukasiewicz-O’Brien')).toEqual(['lukasiewiczobrien'])
    expect(nameQueryWords("'")).toEqual([])
    expect(nameQueryWords('a b c d e f')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('finds a name whenever each typed word starts one of its keys', () => {
    const finds = (query: string, ...names: string[]) => {
      const keys = nameWordKeys(...names)
      return nameQueryWords(query).every((w) => keys.some((k) => k.startsWith(w)))
    }
    expect(finds('oneill', "O'Neill")).toBe(true)
    expect(finds('Briain', 'Ó Briain')).toBe(true)
    expect(finds('Berg', 'van der Berg')).toBe(true)
    expect(finds('Minh', 'Thị Minh Khai')).toBe(true)
    expect(finds('van der', 'van der Berg')).toBe(true)
    expect(finds('erg', 'van der Berg')).toBe(false)
  })
})
