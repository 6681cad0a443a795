// Every change to clinical data leaves who, when, what, and the values before and after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '@shared/domain/audit'
import { openPrivacyClinic, type PrivacyClinic } from './fixtures'

let pc: PrivacyClinic
beforeEach(async () => {
  pc = await openPrivacyClinic()
})
afterEach(async () => pc.clinic.close())

const audit = async () => pc.clinic.call('audit.forPatient', { patientId: pc.patientId })

describe('audit trail of clinical changes', () => {
  it('records therapist, time, entity and values for every kind of change', async () => {
    await pc.clinic.call('patients.archive', { version: await pc.clinic.versionOf('patients', pc.patientId), id: pc.patientId, archived: true }, pc.therapistId)
    await pc.clinic.call('patients.archive', { version: await pc.clinic.versionOf('patients', pc.patientId), id: pc.patientId, archived: false }, pc.therapistId)
    const entries = await audit()
    const kinds = entries.map((e) => `${e.entity}.${e.action}`).sort()
    expect(kinds).toEqual(
      [
        'patient.create',
        'patient.update',
        'patient.archive',
        'patient.restore',
        'program.create',
        'program.create',
        'program.end',
        'program.update',
        'visit.create',
        'visit.create',
        'visit.create',
        'visit.correct',
      ].sort(),
    )
    for (const e of entries) {
      const label = `${e.entity}.${e.action}`
      expect(e.therapistId, label).toBe(pc.therapistId)
      expect(e.therapistName, label).toBe('Anna Nowak')
      expect(e.at, label).toBe('2026-06-15T10:00:00.000Z')
      expect(e.patientId, label).toBe(pc.patientId)
      expect(e.entityId, label).toBeGreaterThan(0)
      expect(e.after, label).not.toBeNull()
      if (e.action !== 'create') expect(e.before, label).not.toBeNull()
    }
  })

  it('keeps the old and new values of a visit correction and a program change', async () => {
    const entries = await audit()
    const correction = entries.find((e) => e.action === 'correct') as AuditEntry & { before: { left: { archHeightMm: number } }; after: { left: { archHeightMm: number } } }
    expect(correction.before.left.archHeightMm).toBe(24)
    expect(correction.after.left.archHeightMm).toBe(25)
    expect(correction.reason).toBe('Typo in arch height')
    const change = entries.find((e) => e.entity === 'program' && e.action === 'update') as AuditEntry & { before: { items: unknown[] }; after: { items: unknown[] } }
    expect(change.before.items).toHaveLength(2)
    expect(change.after.items).toHaveLength(1)
    const ended = entries.find((e) => e.action === 'end') as AuditEntry & { before: { status: string }; after: { status: string; endDate: string } }
    expect(ended.before.status).toBe('active')
    expect(ended.after).toMatchObject({ status: 'ended', endDate: '2025-10-01' })
    const edit = entries.find((e) => e.entity === 'patient' && e.action === 'update') as AuditEntry & { before: { phone: string }; after: { phone: string } }
    expect([edit.before.phone, edit.after.phone]).toEqual(['+44 7700 900461', '+44 7700 900462'])
  })

  it('writes the change and its audit row in one transaction: a refused change leaves no row', async () => {
    const before = (await audit()).length
    await expect(pc.clinic.call('programs.end', { version: await pc.clinic.versionOf('programs', pc.programIds[0]!), programId: pc.programIds[0]!, endDate: '2025-12-01' }, pc.therapistId)).rejects.toThrow()
    expect((await audit()).length).toBe(before)
  })
})
