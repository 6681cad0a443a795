// Dates a person reads in the report are the clinic's calendar day, in zones behind and ahead of UTC and across DST.
import { afterAll, describe, expect, it } from 'vitest'
import { buildProgressReport } from '../../../src-main/core/services/documents'
import { openTestClinic, openTestSession } from '../../support/db'
import { readPdf } from './read-pdf'

const originalTz = process.env.TZ
afterAll(() => {
  process.env.TZ = originalTz
})

/** Assigns a program, records baseline and follow-up, and changes the dosage at `changedAt`; answers the report text. */
async function reportWithChangeAt(changedAt: string): Promise<string> {
  const setup = await openTestClinic(new Date('2026-01-05T12:00:00Z'))
  try {
    const t = await setup.call('users.create', { displayName: 'Anna Nowak' })
    const p = await setup.call('patients.create', { firstName: 'Jana', lastName: 'Dvořáková', dateOfBirth: '1979-03-14' })
    const exercise = (await setup.call('exercises.list', {})).find((e) => e.slug === 'short-foot')!
    const program = await setup.call('programs.assign', { patientId: p.id, therapistId: t.id, startDate: '2026-01-05', items: [{ exerciseId: exercise.id, ...exercise.dosage }] })
    const feet = { left: { footLengthMm: 250, archHeightMm: 60 }, right: { footLengthMm: 251, archHeightMm: 61 } }
    await setup.call('visits.record', { patientId: p.id, therapistId: t.id, visitDate: '2026-01-05', kind: 'baseline', ...feet })
    const { dispatch } = await import('../../../src-main/core/api/router')
    const at = new Date(changedAt)
    // Signed in at that moment (a session from January would have ended long before).
    const session = await openTestSession(setup.database.db, t.id, at)
    const update = await dispatch({ db: setup.database.db, now: () => at }, 'programs.update', { programId: program.id, version: program.version, items: [{ exerciseId: exercise.id, ...exercise.dosage, holdSeconds: 8 }], reason: 'Easy now' }, session)
    expect(update.ok).toBe(true)
    const later = await dispatch({ db: setup.database.db, now: () => at }, 'visits.record', { patientId: p.id, therapistId: t.id, visitDate: '2026-01-20', kind: 'follow_up', ...feet }, session)
    expect(later.ok).toBe(true)
    const pdf = await readPdf(await buildProgressReport(setup.ctx(t.id, at), { patientId: p.id }))
    return pdf.text
  } finally {
    await setup.close()
  }
}

describe('program change dates in the progress report', () => {
  it('New York (behind UTC): a change at 20:30 on 15 June prints 15 June, not UTC 16 June', async () => {
    process.env.TZ = 'America/New_York'
    const text = await reportWithChangeAt('2026-06-16T00:30:00Z')
    expect(text).toContain('15 Jun 2026 (Anna Nowak): Short-foot exercise (arch doming)')
    expect(text).not.toContain('16 Jun 2026 (Anna Nowak)')
  })

  it('Auckland (ahead of UTC): a change at 09:30 on 16 June prints 16 June, not UTC 15 June', async () => {
    process.env.TZ = 'Pacific/Auckland'
    const text = await reportWithChangeAt('2026-06-15T21:30:00Z')
    expect(text).toContain('16 Jun 2026 (Anna Nowak)')
  })

  it('New York across the end of daylight saving: 23:30 on 1 November (EST) stays 1 November', async () => {
    process.env.TZ = 'America/New_York'
    // 04:30 UTC on 2 November is 23:30 EST on 1 November (it would be 00:30 on 2 November under EDT).
    const text = await reportWithChangeAt('2026-11-02T04:30:00Z')
    expect(text).toContain('1 Nov 2026 (Anna Nowak)')
  })

  it('Berlin across the start of daylight saving: 00:30 on 29 March (CET) is 29 March', async () => {
    process.env.TZ = 'Europe/Berlin'
    const text = await reportWithChangeAt('2026-03-28T23:30:00Z')
    expect(text).toContain('29 Mar 2026 (Anna Nowak)')
  })
})
