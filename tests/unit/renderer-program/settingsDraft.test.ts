// Settings and exercise form helpers: decimal commas, whole weeks, logo limits, list fields.
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { logoFileProblem, settingsDraftForApi, settingsToDraft } from '../../../src-renderer/components/settings/settingsDraft'
import { exerciseDraftForApi, newExerciseDraft, newLine } from '../../../src-renderer/components/exercise/exerciseDraft'

describe('settings as typed', () => {
  it('accepts "1,5" and "1.5" for thresholds', () => {
    const draft = { ...settingsToDraft(DEFAULT_SETTINGS), smcArchHeightMm: '1,5', smcFootLengthMm: ' 2.5 ', reviewIntervalWeeks: '12' }
    const { input, errors } = settingsDraftForApi(draft)
    expect(errors).toEqual({})
    expect(input).toMatchObject({ smcArchHeightMm: 1.5, smcFootLengthMm: 2.5, smcNavicularDropMm: 4, smcArchHeightIndex: 0.025, reviewIntervalWeeks: 12 })
  })

  it('shows the index threshold with its three decimals and reads "0,03" back', () => {
    expect(settingsToDraft(DEFAULT_SETTINGS).smcArchHeightIndex).toBe('0.025')
    expect(settingsDraftForApi({ ...settingsToDraft(DEFAULT_SETTINGS), smcArchHeightIndex: '0,03' }).input.smcArchHeightIndex).toBe(0.03)
  })

  it('names the field that is not a number, in the same words as the server', () => {
    const draft = { ...settingsToDraft(DEFAULT_SETTINGS), smcNavicularDropMm: 'two', reviewIntervalWeeks: '16.5' }
    expect(settingsDraftForApi(draft).errors).toEqual({
      smcNavicularDropMm: 'Smallest meaningful change for navicular drop must be a number in mm',
      reviewIntervalWeeks: 'Review interval must be a whole number of weeks',
    })
  })

  it('refuses logos that are too big or not PNG/JPEG, saying the size', () => {
    expect(logoFileProblem({ type: 'image/png', size: 500 * 1024 })).toBeNull()
    expect(logoFileProblem({ type: 'image/jpeg', size: 600 * 1024 })).toMatch(/600 kB; choose an image of at most 500 kB/)
    expect(logoFileProblem({ type: 'image/gif', size: 10 })).toBe('The logo must be a PNG or JPEG image.')
  })
})

describe('exercise form as typed', () => {
  it('sends the list lines in order and keeps the default stage within the stages', () => {
    const d = newExerciseDraft()
    d.name = 'Toe spreading'
    d.steps = [newLine('Sit with feet flat'), newLine('Spread the toes apart')]
    d.stages = [newLine('Sitting')]
    d.dosage = { ...d.dosage, reps: '10', stage: '3' }
    const { fields, errors } = exerciseDraftForApi(d)
    expect(errors).toEqual({})
    expect(fields.steps).toEqual(['Sit with feet flat', 'Spread the toes apart'])
    expect(fields.dosage).toMatchObject({ reps: 10, sets: null, timesPerDay: 1, daysPerWeek: 7, stage: 0 })
  })
})
