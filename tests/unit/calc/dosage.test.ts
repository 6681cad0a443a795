// Dosage sentences as the patient reads them on the handout.
import { describe, expect, it } from 'vitest'
import type { Dosage } from '@shared/domain/exercise'
import { dosageSentence } from '@shared/exercises/dosage'

const base: Dosage = { sets: null, reps: null, repsText: null, holdSeconds: null, minutes: null, timesPerDay: 1, daysPerWeek: 7, stage: 0, notes: '' }

describe('dosageSentence', () => {
  it('says hold, repetitions, sets and times a day', () => {
    expect(dosageSentence({ ...base, holdSeconds: 5, reps: 10, sets: 3, timesPerDay: 2 })).toBe('Hold 5 seconds. Do it 10 times, 3 sets, twice a day.')
  })
  it('uses the repetitions text for towel crumpling', () => {
    expect(dosageSentence({ ...base, sets: 3, repsText: 'until the towel is gathered' })).toBe('Do it until the towel is gathered, 3 sets, once a day.')
  })
  it('gives minutes and days a week', () => {
    expect(dosageSentence({ ...base, minutes: 10, daysPerWeek: 5 })).toBe('Do it for 10 minutes, once a day, 5 days a week.')
  })
})
