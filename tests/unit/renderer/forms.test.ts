// Renderer logic that needs no browser: typed numbers, API issues on form fields, visit form values.
import { describe, expect, it } from 'vitest'
import { parseDecimal } from '../../../src-renderer/lib/numbers'
import { issuesToFieldErrors } from '../../../src-renderer/lib/issues'
import { archHeightLabel, emptyVisitValues, liveDerived, valuesToInput, visitToValues, VISIT_FIELD_KEYS } from '../../../src-renderer/lib/visitForm'
import { changedFields } from '../../../src-renderer/lib/changes'
import type { Visit } from '@shared/domain/visit'

describe('parseDecimal', () => {
  it('reads a comma or a point as the decimal separator', () => {
    expect(parseDecimal('23,5')).toBe(23.5)
    expect(parseDecimal('23.5')).toBe(23.5)
    expect(parseDecimal(' 250 ')).toBe(250)
  })
  it('treats empty as not measured and rubbish as not a number', () => {
    expect(parseDecimal('')).toBeNull()
    expect(parseDecimal('   ')).toBeNull()
    expect(parseDecimal('23,5,1')).toBeNaN()
    expect(parseDecimal('abc')).toBeNaN()
  })
})

describe('issuesToFieldErrors', () => {
  it('puts nested API issue paths on the matching field', () => {
    const { fields, other } = issuesToFieldErrors(
      [
        { path: ['left', 'footLengthMm'], message: 'Foot length must be between 100 and 380 mm' },
        { path: ['left', 'footLengthMm'], message: 'second message for the same field' },
        { path: ['visitDate'], message: 'Visit date cannot be in the future' },
      ],
      VISIT_FIELD_KEYS,
    )
    expect(fields).toEqual({ 'left.footLengthMm': 'Foot length must be between 100 and 380 mm', visitDate: 'Visit date cannot be in the future' })
    expect(other).toEqual([])
  })
  it('lands an issue on a whole foot on its first field, and unknown paths above the form', () => {
    const { fields, other } = issuesToFieldErrors(
      [
        { path: ['left'], message: 'Enter a foot length, an arch height or a pain score: a truncated foot length alone is not a visit' },
        { path: ['patientId'], message: 'Patient was not found' },
      ],
      VISIT_FIELD_KEYS,
    )
    expect(fields).toEqual({ 'left.footLengthMm': 'Enter a foot length, an arch height or a pain score: a truncated foot length alone is not a visit' })
    expect(other).toEqual(['Patient was not found'])
  })
})

describe('visit form values', () => {
  it('converts typed text to the API input, with commas and empty feet', () => {
    const v = emptyVisitValues('2026-03-01', 4, 'follow_up')
    v.left.footLengthMm = '247,5'
    v.left.archHeightMm = '66'
    v.symptoms.knee = '3'
    const { input, errors } = valuesToInput(v)
    expect(errors).toEqual({})
    expect(input?.left).toEqual({ footLengthMm: 247.5, truncatedFootLengthMm: null, archHeightMm: 66, navicularSittingMm: null, navicularStandingMm: null })
    expect(input?.right).toBeNull()
    expect(input?.symptoms.knee).toBe(3)
    expect(input?.therapistId).toBe(4)
  })
  it('catches text that is not a number before the API sees it, per field', () => {
    const v = emptyVisitValues('2026-03-01', null, 'baseline')
    v.right.archHeightMm = '6l'
    const { input, errors } = valuesToInput(v)
    expect(input).toBeNull()
    expect(errors['right.archHeightMm']).toMatch(/Arch height must be a number in mm/)
    expect(errors.therapistId).toBe('Choose the therapist who measured')
  })
  it('shows arch height index and navicular drop while typing', () => {
    const v = emptyVisitValues('2026-03-01', 1, 'baseline')
    expect(liveDerived(v.left, 'dorsal_50')).toEqual({ archHeightIndex: null, navicularDrop: null })
    v.left.archHeightMm = '62'
    v.left.truncatedFootLengthMm = '182'
    v.left.navicularSittingMm = '45'
    v.left.navicularStandingMm = '37,5'
    expect(liveDerived(v.left, 'dorsal_50')).toEqual({ archHeightIndex: 0.341, navicularDrop: 7.5 })
    // The index is only defined for the dorsal method.
    expect(liveDerived(v.left, 'navicular_standing').archHeightIndex).toBeNull()
  })
  it('names the clinic’s arch height method on the field', () => {
    expect(archHeightLabel('dorsal_50')).toBe('Arch height (dorsal, 50 % FL)')
    expect(archHeightLabel('navicular_standing')).toBe('Arch height (navicular, standing)')
  })
})

const visit = (over: Partial<Visit> = {}): Visit => ({
  id: 7,
  voided: null,
  version: 1,
  patientId: 1,
  visitDate: '2026-03-01',
  adherence: null,
  stageSteps: [],
  therapistId: 2,
  therapistName: 'Anna Kowalska',
  programId: null,
  kind: 'follow_up',
  left: { footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 62, archHeightMethod: 'dorsal_50', navicularSittingMm: null, navicularStandingMm: null },
  right: null,
  symptoms: { foot_heel: 5, knee: null, low_back: null, neck: null, headache: null },
  headacheDays: null,
  notes: '',
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  corrected: false,
  ...over,
})

describe('changedFields (visit history)', () => {
  it('lists only what changed, before → after, in the clinic’s words', () => {
    const before = visit()
    const after = visit({
      left: { ...before.left!, archHeightMm: 63.5 },
      symptoms: { ...before.symptoms, foot_heel: 4 },
      kind: 'review',
      corrected: true,
      updatedAt: '2026-03-02T10:00:00Z',
    })
    expect(changedFields(before, after)).toEqual([
      { label: 'Kind', before: 'Follow-up', after: 'Four-month review' },
      { label: 'Left arch height', before: '62.0 mm', after: '63.5 mm' },
      { label: 'Foot / heel pain', before: '5', after: '4' },
    ])
  })
  it('reads a foot that was added as changed from empty', () => {
    const before = visit()
    const after = visit({ right: { ...before.left! } })
    const changes = changedFields(before, after)
    expect(changes).toContainEqual({ label: 'Right foot length', before: '—', after: '250.0 mm' })
    expect(changes.some((c) => c.label.includes('method'))).toBe(false)
  })
  it('round-trips a recorded visit into form values', () => {
    const values = visitToValues(visit())
    expect(values.left.footLengthMm).toBe('250')
    expect(values.right.footLengthMm).toBe('')
    expect(values.symptoms.foot_heel).toBe('5')
    expect(values.therapistId).toBe('2')
  })
})
