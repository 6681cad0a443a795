// The change history shows a stored instant (when a patient was archived) in the clinic's time zone, not UTC.
import { describe, expect, it } from 'vitest'
import { changedFields } from '../../../src-renderer/lib/changes'

// The renderer's tests are typed without Node; vitest runs them in Node, where TZ takes effect when set.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env

describe('archived time in the change history', () => {
  it('New York: archived at 20:30 on 15 June reads 15 June, not UTC 16 June', () => {
    env.TZ = 'America/New_York'
    expect(changedFields({ archivedAt: null }, { archivedAt: '2026-06-16T00:30:00.000Z' })).toEqual([
      { label: 'Archived', before: '—', after: '15 Jun 2026, 20:30' },
    ])
  })
  it('Auckland: 21:30 UTC on 15 June is 09:30 on 16 June', () => {
    env.TZ = 'Pacific/Auckland'
    expect(changedFields({ archivedAt: null }, { archivedAt: '2026-06-15T21:30:00.000Z' })[0]!.after).toBe('16 Jun 2026, 09:30')
  })
})
