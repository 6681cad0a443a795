// Dates as a therapist types them, and the one way every screen and PDF writes them.
import { describe, expect, it } from 'vitest'
import { formatClinicDate, parseTypedDate } from '@shared/calc/dates'

describe('parseTypedDate', () => {
  it.each([
    ['2026-07-20', '2026-07-20'],
    ['20.07.2026', '2026-07-20'],
    ['20.7.2026', '2026-07-20'],
    ['20/07/2026', '2026-07-20'],
    ['20-07-2026', '2026-07-20'],
    ['20 Jul 2026', '2026-07-20'],
    ['20 july 2026', '2026-07-20'],
    [' 1 Mar 2026 ', '2026-03-01'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %j as %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toEqual({ ok: true, iso })
  })

  it('reads nothing typed as no date', () => {
    expect(parseTypedDate('  ')).toBeNull()
  })

  it.each([
    ['60720-07-20', 'Year 60720 is not possible: type a date like 20 Jul 2026 or 2026-07-20'],
    ['20.07.60720', 'Year 60720 is not possible: type a date like 20 Jul 2026 or 2026-07-20'],
    ['20.07.1820', 'Year 1820 is not possible: type a date like 20 Jul 2026 or 2026-07-20'],
    ['20.07.26', 'Write the year with four digits, like 20.07.2026'],
    ['31.02.2026', '31.02.2026 is not a day of the calendar'],
    ['2026-13-01', '2026-13-01 is not a day of the calendar'],
    ['next tuesday', 'Type a date like 20 Jul 2026, 20.07.2026 or 2026-07-20'],
  ])('refuses %j with a sentence', (typed, message) => {
    expect(parseTypedDate(typed)).toMatchObject({ ok: false, message })
  })
})

describe('formatClinicDate', () => {
  it('writes day, short month and four-digit year, whatever comes after the date', () => {
    expect(formatClinicDate('2026-07-20')).toBe('20 Jul 2026')
    expect(formatClinicDate('2026-03-01T10:00:00.000Z')).toBe('1 Mar 2026')
    expect(formatClinicDate(null)).toBe('—')
  })

  it('reads back what it writes', () => {
    expect(parseTypedDate(formatClinicDate('1980-02-29'))).toEqual({ ok: true, iso: '1980-02-29' })
  })
})
