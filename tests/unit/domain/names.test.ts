// Names: what is accepted, and the accent-free key that prefix search uses.
import { describe, expect, it } from 'vitest'
import { nameSearchKey, personName } from '@shared/domain/names'

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
