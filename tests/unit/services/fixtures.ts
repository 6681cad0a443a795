// Ready-made records for service tests: a therapist, a patient, a measured visit.
import type { Input } from '@shared/api'
import type { TestClinic } from '../../support/db'

export async function seedTherapist(clinic: TestClinic, displayName = 'Anna Nowak') {
  return clinic.call('users.create', { displayName, credentials: 'PT' })
}

export async function seedPatient(clinic: TestClinic, over: Partial<Input<'patients.create'>> = {}, actorId?: number) {
  return clinic.call('patients.create', { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", dateOfBirth: '1980-02-29', sex: 'female', ...over }, actorId)
}

export function visitInput(patientId: number, therapistId: number, over: Partial<Input<'visits.record'>> = {}): Input<'visits.record'> {
  return {
    patientId,
    therapistId,
    visitDate: '2026-02-01',
    kind: 'baseline',
    left: { footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 60, navicularSittingMm: 45, navicularStandingMm: 36 },
    right: { footLengthMm: 251.5, truncatedFootLengthMm: 183, archHeightMm: 61 },
    symptoms: { foot_heel: 6, knee: 3, low_back: 4, neck: 2, headache: 5 },
    headacheDays: 8,
    notes: 'Plantar heel pain in the morning.',
    ...over,
  }
}
