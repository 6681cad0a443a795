// The hash routes the app and its links depend on.
import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../../src-renderer/router'

describe('parseRoute', () => {
  it('reads every route the navigation and links use', () => {
    expect(parseRoute('')).toEqual({ name: 'patients' })
    expect(parseRoute('#/patients')).toEqual({ name: 'patients' })
    expect(parseRoute('#/patients/new')).toEqual({ name: 'patientNew' })
    expect(parseRoute('#/patients/12')).toEqual({ name: 'patient', id: 12, tab: 'overview', query: {} })
    expect(parseRoute('#/patients/12/program')).toEqual({ name: 'patient', id: 12, tab: 'program', query: {} })
    expect(parseRoute('#/patients/12/measurements?kind=review')).toEqual({ name: 'patient', id: 12, tab: 'measurements', query: { kind: 'review' } })
    expect(parseRoute('#/patients/12/edit')).toEqual({ name: 'patientEdit', id: 12 })
    expect(parseRoute('#/reviews')).toEqual({ name: 'reviews' })
    expect(parseRoute('#/exercises')).toEqual({ name: 'exercises' })
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' })
  })
  it('answers not found for anything else', () => {
    expect(parseRoute('#/patients/abc').name).toBe('notFound')
    expect(parseRoute('#/patients/0').name).toBe('notFound')
    expect(parseRoute('#/patients/12/nonsense').name).toBe('notFound')
    expect(parseRoute('#/settings/extra').name).toBe('notFound')
  })
})
