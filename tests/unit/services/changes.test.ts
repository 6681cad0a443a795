// What open pages poll: every change since the last answer (patient, visit, program, settings), and
// the workstations connected now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestClinic, type TestClinic } from '../../support/db'

let clinic: TestClinic
beforeEach(async () => {
  clinic = await openTestClinic()
})
afterEach(async () => clinic.close())

describe('changes.since', () => {
  it('answers only a cursor at first, then what was changed after it, with the patient it belongs to', async () => {
    const t = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    const first = await clinic.call('changes.since', { after: null })
    expect(first.changes).toEqual([])
    const p = await clinic.call('patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09' })
    await clinic.call('visits.record', { patientId: p.id, therapistId: t.id, visitDate: '2026-05-04', kind: 'baseline', left: { footLengthMm: 250 }, right: null })
    const next = await clinic.call('changes.since', { after: first.cursor })
    expect(next.cursor).toBeGreaterThan(first.cursor)
    // Answers repeat up to 50 ids before the cursor (a late commit on PostgreSQL); the new ones follow.
    expect(next.changes.filter((c) => c.id > first.cursor).map((c) => [c.entity, c.patientId, c.therapistId])).toEqual([
      ['patient', p.id, t.id],
      ['visit', p.id, t.id],
    ])
    // Nothing new: the answer may repeat the newest ids (pages drop those they have seen), never new ones.
    const again = await clinic.call('changes.since', { after: next.cursor })
    expect(again.cursor).toBe(next.cursor)
    expect(again.changes.every((c) => next.changes.some((n) => n.id === c.id) || c.id <= first.cursor)).toBe(true)
  })

  it('sees a change written by another workstation', async () => {
    const t = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    const other = await clinic.workstation()
    try {
      const { cursor } = await clinic.call('changes.since', { after: null })
      const r = await other.dispatch('settings.update', { ...(await clinic.call('settings.get', {})), clinicName: 'Footcore Kyiv' }, t.id)
      expect(r.ok).toBe(true)
      const seen = await clinic.call('changes.since', { after: cursor })
      expect(seen.changes.map((c) => c.entity)).toContain('settings')
    } finally {
      await other.close()
    }
  })
})

describe('workstations.list', () => {
  it('lists this workstation with who is working there', async () => {
    const t = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    await clinic.call('changes.since', { after: null }, t.id)
    const list = await clinic.call('workstations.list', {}, t.id)
    expect(list).toEqual([expect.objectContaining({ thisOne: true, therapistName: 'Anna Nowak' })])
    expect(list[0]!.computerName.length).toBeGreaterThan(0)
  })
})
