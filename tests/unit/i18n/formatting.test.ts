// Plurals, dosage sentences, dates, decimals and the first day of the week, per language.
import { describe, expect, it } from 'vitest'
import type { Dosage } from '@shared/domain/exercise'
import { dosageSentence } from '@shared/exercises/dosage'
import { documentTranslator } from '@shared/i18n/documents'
import { formatClinicDate } from '@shared/calc/dates'
import { firstDayOfWeek, formatClinicDateIn, formatDate, formatDecimal, formatSigned, weekdayShort, weekStartOnOrBefore } from '@shared/i18n/format'
import { LANGUAGES, type Language } from '@shared/i18n/languages'

const COUNTS = [1, 2, 5, 11, 21, 22] as const
const base: Dosage = { sets: null, reps: null, repsText: null, holdSeconds: null, minutes: null, timesPerDay: 1, daysPerWeek: 7, stage: 0, notes: '' }

const DAYS: Record<Language, string[]> = {
  en: ['1 day', '2 days', '5 days', '11 days', '21 days', '22 days'],
  uk: ['1 день', '2 дні', '5 днів', '11 днів', '21 день', '22 дні'],
  pl: ['1 dzień', '2 dni', '5 dni', '11 dni', '21 dni', '22 dni'],
  de: ['1 Tag', '2 Tage', '5 Tage', '11 Tage', '21 Tage', '22 Tage'],
  es: ['1 día', '2 días', '5 días', '11 días', '21 días', '22 días'],
}

describe('plurals', () => {
  it.each(LANGUAGES)('%s: days for 1, 2, 5, 11, 21, 22', (language) => {
    const t = documentTranslator(language)
    expect(COUNTS.map((count) => t('common.days', { count }))).toEqual(DAYS[language])
  })
})

/** Hold N seconds, N repetitions, N sets: the sentence a patient reads, for each count. */
const SENTENCES: Record<Language, string[]> = {
  en: [
    'Hold 1 second. Do it 1 time, 1 set, once a day.',
    'Hold 2 seconds. Do it 2 times, 2 sets, once a day.',
    'Hold 5 seconds. Do it 5 times, 5 sets, once a day.',
    'Hold 11 seconds. Do it 11 times, 11 sets, once a day.',
    'Hold 21 seconds. Do it 21 times, 21 sets, once a day.',
    'Hold 22 seconds. Do it 22 times, 22 sets, once a day.',
  ],
  uk: [
    'Утримуйте 1 секунду. Виконуйте 1 раз і 1 підхід, раз на день.',
    'Утримуйте 2 секунди. Виконуйте 2 рази і 2 підходи, раз на день.',
    'Утримуйте 5 секунд. Виконуйте 5 разів і 5 підходів, раз на день.',
    'Утримуйте 11 секунд. Виконуйте 11 разів і 11 підходів, раз на день.',
    'Утримуйте 21 секунду. Виконуйте 21 раз і 21 підхід, раз на день.',
    'Утримуйте 22 секунди. Виконуйте 22 рази і 22 підходи, раз на день.',
  ],
  pl: [
    'Wytrzymaj 1 sekundę. Wykonuj 1 raz i 1 serię, raz dziennie.',
    'Wytrzymaj 2 sekundy. Wykonuj 2 razy i 2 serie, raz dziennie.',
    'Wytrzymaj 5 sekund. Wykonuj 5 razy i 5 serii, raz dziennie.',
    'Wytrzymaj 11 sekund. Wykonuj 11 razy i 11 serii, raz dziennie.',
    'Wytrzymaj 21 sekund. Wykonuj 21 razy i 21 serii, raz dziennie.',
    'Wytrzymaj 22 sekundy. Wykonuj 22 razy i 22 serie, raz dziennie.',
  ],
  de: [
    '1 Sekunde halten. Üben Sie 1 Wiederholung, 1 Satz, einmal täglich.',
    '2 Sekunden halten. Üben Sie 2 Wiederholungen, 2 Sätze, einmal täglich.',
    '5 Sekunden halten. Üben Sie 5 Wiederholungen, 5 Sätze, einmal täglich.',
    '11 Sekunden halten. Üben Sie 11 Wiederholungen, 11 Sätze, einmal täglich.',
    '21 Sekunden halten. Üben Sie 21 Wiederholungen, 21 Sätze, einmal täglich.',
    '22 Sekunden halten. Üben Sie 22 Wiederholungen, 22 Sätze, einmal täglich.',
  ],
  es: [
    'Mantén 1 segundo. Hazlo 1 repetición y 1 serie, una vez al día.',
    'Mantén 2 segundos. Hazlo 2 repeticiones y 2 series, una vez al día.',
    'Mantén 5 segundos. Hazlo 5 repeticiones y 5 series, una vez al día.',
    'Mantén 11 segundos. Hazlo 11 repeticiones y 11 series, una vez al día.',
    'Mantén 21 segundos. Hazlo 21 repeticiones y 21 series, una vez al día.',
    'Mantén 22 segundos. Hazlo 22 repeticiones y 22 series, una vez al día.',
  ],
}

describe('dosage sentences', () => {
  it.each(LANGUAGES)('%s: hold, repetitions and sets for 1, 2, 5, 11, 21, 22', (language) => {
    expect(COUNTS.map((n) => dosageSentence({ ...base, holdSeconds: n, reps: n, sets: n }, language))).toEqual(SENTENCES[language])
  })
  it('says minutes, times a day and days a week in Ukrainian and Polish', () => {
    expect(dosageSentence({ ...base, minutes: 21, timesPerDay: 2, daysPerWeek: 5 }, 'uk')).toBe('Виконуйте протягом 21 хвилини, двічі на день, 5 днів на тиждень.')
    expect(dosageSentence({ ...base, minutes: 22, timesPerDay: 3, daysPerWeek: 2 }, 'pl')).toBe('Wykonuj przez 22 minuty, trzy razy dziennie, 2 dni w tygodniu.')
    expect(dosageSentence({ ...base, minutes: 5, daysPerWeek: 1 }, 'de')).toBe('Üben Sie 5 Minuten lang, einmal täglich, an 1 Tag pro Woche.')
  })
  it('keeps English as it was for a screen that passes no language', () => {
    expect(dosageSentence({ ...base, holdSeconds: 5, reps: 10, sets: 3, timesPerDay: 2 })).toBe('Hold 5 seconds. Do it 10 times, 3 sets, twice a day.')
  })
})

describe('dates and numbers', () => {
  it('writes decimals with a comma in German, Ukrainian, Polish and Spanish', () => {
    expect(LANGUAGES.map((l) => formatDecimal(23.5, l, 1))).toEqual(['23.5', '23,5', '23,5', '23,5', '23,5'])
    expect(formatDecimal(0.3412, 'de', 3)).toBe('0,341')
    expect(formatDecimal(1234.5, 'de', 1)).toBe('1234,5')
    expect(formatSigned(-2.5, 'uk', 1)).toBe('−2,5')
    expect(formatSigned(2.5, 'en', 1)).toBe('+2.5')
    expect(formatSigned(0.04, 'pl', 1)).toBe('0,0')
  })
  it('gives a date field digits to type over the way each language does (ISO in English)', () => {
    expect(LANGUAGES.map((l) => formatDate('2026-05-04', l))).toEqual(['2026-05-04', '04.05.2026', '04.05.2026', '04.05.2026', '04/05/2026'])
  })
  it('writes a date with a short month in every language, English exactly as the screens do', () => {
    expect(LANGUAGES.map((l) => formatClinicDateIn('2026-07-20', l))).toEqual(['20 Jul 2026', '20 лип. 2026', '20 lip 2026', '20. Juli 2026', '20 jul 2026'])
    expect(LANGUAGES.map((l) => formatClinicDateIn('2026-05-04', l))).toEqual(['4 May 2026', '4 трав. 2026', '4 maj 2026', '4. Mai 2026', '4 may 2026'])
    for (const iso of ['2026-01-01', '2026-09-15', '2027-12-31']) expect(formatClinicDateIn(iso, 'en')).toBe(formatClinicDate(iso))
    // No digits-only date in any language: 11/12 is two different days in London and Boston.
    for (const l of LANGUAGES) expect(formatClinicDateIn('2026-11-12', l)).not.toMatch(/^\d+[./-]\d+[./-]\d+$/)
    expect(formatClinicDateIn('', 'de')).toBe('—')
    expect(formatClinicDateIn('soon', 'pl')).toBe('soon')
  })
  it('names weekdays in the document language', () => {
    expect(LANGUAGES.map((l) => weekdayShort('2026-05-04', l))).toEqual(['Mon', 'пн', 'pon.', 'Mo', 'lun'])
  })
  it('starts the week on Monday in all five languages', () => {
    expect(LANGUAGES.map(firstDayOfWeek)).toEqual([1, 1, 1, 1, 1])
    // Thursday 2026-05-07 → Monday 2026-05-04; a Monday stays itself.
    expect(weekStartOnOrBefore('2026-05-07', 'uk')).toBe('2026-05-04')
    expect(weekStartOnOrBefore('2026-05-04', 'de')).toBe('2026-05-04')
  })
})
