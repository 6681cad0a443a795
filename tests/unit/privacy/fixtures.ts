// A patient with a full history (visits, a corrected visit, programs, archive) entered through the router.
import type { Input } from '@shared/api'
import { openTestClinic, type TestClinic } from '../../support/db'

export const NOW = new Date('2026-06-15T10:00:00Z')

/** Distinctive values, so a search of logs, messages or raw file bytes cannot hit them by chance. */
export const SECRET = {
  firstName: 'Wilhelmina',
  lastName: 'Quackenbush-Zyx',
  dateOfBirth: '1961-07-23',
  phone: '+44 7700 900461',
  email: 'w.quackenbush@example.org',
  notes: 'Heelspur since the marathon in Reykjavik',
}

export interface PrivacyClinic {
  clinic: TestClinic
  therapistId: number
  patientId: number
  otherPatientId: number
  programIds: number[]
  visitIds: number[]
}

// No truncated length: these low arch heights would give an implausible arch height index, and the privacy tests are not about it.
const foot = (footLengthMm: number, archHeightMm: number) => ({ footLengthMm, archHeightMm })

export function visit(patientId: number, therapistId: number, visitDate: string, kind: Input<'visits.record'>['kind'], archHeightMm: number): Input<'visits.record'> {
  return {
    patientId,
    therapistId,
    visitDate,
    kind,
    left: foot(250, archHeightMm),
    right: foot(251, archHeightMm + 1),
    symptoms: { foot_heel: 6, knee: 3, low_back: 4, neck: 2, headache: 5 },
    headacheDays: 8,
    notes: 'Morning pain, Reykjavik marathon heel',
  }
}

export async function openPrivacyClinic(): Promise<PrivacyClinic> {
  const clinic = await openTestClinic(NOW)
  const t = await clinic.call('users.create', { displayName: 'Anna Nowak', credentials: 'PT' })
  const as = t.id
  const exercises = await clinic.call('exercises.list', {})
  const items = exercises.slice(0, 2).map((e) => ({ exerciseId: e.id, sets: 3, reps: 10 }))
  const p = await clinic.call('patients.create', { ...SECRET, sex: 'female', complaints: [] }, as)
  const other = await clinic.call('patients.create', { firstName: 'Otto', lastName: 'Keepme', dateOfBirth: '1975-01-01' }, as)

  const first = await clinic.call('programs.assign', { patientId: p.id, therapistId: as, startDate: '2025-09-01', items }, as)
  const v1 = await clinic.call('visits.record', visit(p.id, as, '2025-09-01', 'baseline', 20), as)
  await clinic.call('programs.end', { version: await clinic.versionOf('programs', first.id), programId: first.id, endDate: '2025-10-01', reason: 'Moved away for a month' }, as)
  const second = await clinic.call('programs.assign', { patientId: p.id, therapistId: as, startDate: '2026-01-05', items }, as)
  await clinic.call('programs.update', { version: await clinic.versionOf('programs', second.id), programId: second.id, items: items.slice(0, 1), reason: 'Towel exercise too easy' }, as)
  const v2 = await clinic.call('visits.record', visit(p.id, as, '2026-01-05', 'baseline', 21), as)
  const v3 = await clinic.call('visits.record', visit(p.id, as, '2026-05-04', 'review', 24), as)
  const { patientId: _drop, ...corrected } = visit(p.id, as, '2026-05-04', 'review', 25)
  await clinic.call('visits.correct', { version: await clinic.versionOf('visits', v3.id), ...corrected, visitId: v3.id, reason: 'Typo in arch height' }, as)
  await clinic.call('patients.update', { version: await clinic.versionOf('patients', p.id), id: p.id, ...SECRET, phone: '+44 7700 900462', sex: 'female', complaints: [] }, as)
  await clinic.call('visits.record', { ...visit(other.id, as, '2026-05-04', 'baseline', 22), notes: 'Flat feet, no pain' }, as)
  return { clinic, therapistId: as, patientId: p.id, otherPatientId: other.id, programIds: [first.id, second.id], visitIds: [v1.id, v2.id, v3.id] }
}
