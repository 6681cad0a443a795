// Erasing a patient while another connection to the SQLite file holds a read transaction (another
// window, a backup, an outside program): the WAL cannot be emptied, and the page is told so. (The
// SQLite file's WAL only; on PostgreSQL the erase ends with a VACUUM, tests/unit/privacy/erase.test.ts.)
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ERASED_NOT_WIPED } from '../../../src-main/core/services/privacy'
import { expectApiError } from '../../support/db'
import { openPrivacyClinic, SECRET, type PrivacyClinic } from '../privacy/fixtures'

let pc: PrivacyClinic
beforeEach(async () => {
  pc = await openPrivacyClinic()
})
afterEach(async () => pc.clinic.close())

const patientsLeft = async () => Number((await pc.clinic.database.db.selectFrom('patients').select((e) => e.fn.countAll().as('n')).where('id', '=', pc.patientId).executeTakeFirstOrThrow()).n)

describe('patients.erase on a SQLite file with a reader', () => {
  it('with another connection holding a read transaction, the erase waits, then says clearly that the patient was erased but the -wal not yet wiped', async () => {
    const reader = new Database(pc.clinic.file, { readonly: true })
    reader.prepare('begin').run()
    expect(reader.prepare('select count(*) as n from patients').get()).toEqual({ n: 2 })
    try {
      const started = Date.now()
      const e = await expectApiError(pc.clinic.call('patients.erase', { id: pc.patientId, confirmLastName: SECRET.lastName }, pc.therapistId))
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000)
      expect(e.code).toBe('conflict')
      expect(e.message).toBe(ERASED_NOT_WIPED)
      expect(e.message).not.toContain('Nothing was changed')
      expect(e.message).not.toContain(SECRET.lastName)
      // The erase itself is committed: the patient is gone.
      expect(await patientsLeft()).toBe(0)
    } finally {
      reader.prepare('rollback').run()
      reader.close()
    }
  })
})
