// Exporting a patient's complete record: one JSON file holding everything, PDFs included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PatientRecordExport } from '@shared/domain/privacy'
import { expectApiError } from '../../support/db'
import { openPrivacyClinic, SECRET, type PrivacyClinic } from './fixtures'

let pc: PrivacyClinic
beforeEach(async () => {
  pc = await openPrivacyClinic()
})
afterEach(async () => pc.clinic.close())

describe('patients.export', () => {
  it('holds the patient, every visit and program, and the audit trail', async () => {
    const out = await pc.clinic.call('patients.export', { id: pc.patientId }, pc.therapistId)
    expect(out.fileName).toBe(`footcore-patient-${pc.patientId}-2026-06-15.json`)
    const record = JSON.parse(out.json) as PatientRecordExport
    expect(record).toMatchObject({ format: 'footcore.patient-record', version: 1, exportedAt: '2026-06-15T10:00:00.000Z' })
    expect(record.patient).toMatchObject({ id: pc.patientId, firstName: SECRET.firstName, lastName: SECRET.lastName, dateOfBirth: SECRET.dateOfBirth, phone: '+44 7700 900462' })
    expect(record.visits.map((v) => v.visitDate)).toEqual(['2025-09-01', '2026-01-05', '2026-05-04'])
    expect(record.visits.every((v) => v.patientId === pc.patientId)).toBe(true)
    expect(record.visits[2]!.left!.archHeightMm).toBe(25)
    expect(record.programs.map((p) => p.id).sort()).toEqual([...pc.programIds].sort())
    expect(record.audit.length).toBe(10)
    // The other patient's visit stays out.
    expect(out.json).not.toContain('Keepme')
  })

  it('includes a handout per program and the progress report, as real PDFs', async () => {
    const record = JSON.parse((await pc.clinic.call('patients.export', { id: pc.patientId }, pc.therapistId)).json) as PatientRecordExport
    const names = record.documents.map((d) => d.fileName)
    expect(names.filter((n) => n.includes('Handout'))).toHaveLength(2)
    expect(names.filter((n) => n.includes('Progress report'))).toHaveLength(1)
    for (const d of record.documents) {
      const bytes = Buffer.from(d.base64, 'base64')
      expect(d.contentType).toBe('application/pdf')
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF')
    }
  })

  it('leaves the progress report out when there is nothing to compare yet', async () => {
    const fresh = await pc.clinic.call('patients.create', { firstName: 'Neu', lastName: 'Ling', dateOfBirth: '1990-01-01' }, pc.therapistId)
    const record = JSON.parse((await pc.clinic.call('patients.export', { id: fresh.id }, pc.therapistId)).json) as PatientRecordExport
    expect(record.documents).toEqual([])
    expect(record.visits).toEqual([])
  })

  it('changes nothing: the trail and the record read the same afterwards', async () => {
    const before = await pc.clinic.call('audit.forPatient', { patientId: pc.patientId })
    const first = await pc.clinic.call('patients.export', { id: pc.patientId }, pc.therapistId)
    expect(await pc.clinic.call('audit.forPatient', { patientId: pc.patientId })).toEqual(before)
    // PDFs carry their own creation time; the data must read the same.
    const data = (json: string) => ({ ...(JSON.parse(json) as PatientRecordExport), documents: [] })
    expect(data((await pc.clinic.call('patients.export', { id: pc.patientId }, pc.therapistId)).json)).toEqual(data(first.json))
  })

  it('answers not_found for an unknown patient', async () => {
    const e = await expectApiError(pc.clinic.call('patients.export', { id: 999 }, pc.therapistId))
    expect(e.code).toBe('not_found')
    expect(e.issues[0]!.path).toEqual(['id'])
  })
})
