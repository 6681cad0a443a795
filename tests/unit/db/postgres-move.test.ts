// "Move this clinic's records to a database server" on the benchmark's clinic (small scale for CI;
// `npm run bench -- --dialect postgres` moves the full 20,000 patients): every row arrives, the
// checksums agree, the SQLite file's bytes are unchanged and the app answers the same on the server.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXED_NOW, openTestSession } from '../../support/db'
import { dispatch } from '../../../src-main/core/api/router'
import { openDatabase } from '../../../src-main/core/db/connection'
import { moveClinicToServer } from '../../../src-main/core/db/move-to-server'
import { openPostgresDatabase } from '../../../src-main/core/db/postgres'
import { seedClinic } from '../../../scripts/bench/seed'
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server'

let server: PostgresServer
let dir: string
let file: string
const fileHash = () => createHash('sha256').update(readFileSync(file)).update(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : '').digest('hex')

beforeAll(async () => {
  server = await startPostgresServer()
  dir = mkdtempSync(join(tmpdir(), 'footcore-move-'))
  file = join(dir, 'footcore.sqlite')
  // 400 patients, 4,000 visits (8,000 feet, 20,000 pain scores), 800 programs, their audit trail.
  await seedClinic(file, { scale: 0.02, seed: 7, today: '2026-06-15' })
}, 120_000)
afterAll(() => {
  server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('moving a clinic to a database server', () => {
  it('copies every table with its ids, checks counts and checksums on both sides, and leaves the file as it was', async () => {
    const before = fileHash()
    const url = await server.createDatabase()
    const lines: string[] = []
    const result = await moveClinicToServer(file, url, (l) => lines.push(l))
    expect(fileHash()).toBe(before)
    const byName = Object.fromEntries(result.tables.map((t) => [t.name, t.rows]))
    expect(byName).toMatchObject({ patients: 400, visits: 4000, measurements: 8000, programs: 800 })
    expect(byName.symptom_scores).toBeGreaterThan(0)
    expect(byName.audit_log).toBeGreaterThan(4000)
    expect(lines.length).toBe(result.tables.length)

    // The same services answer the same on both: a search page, a patient, due reviews.
    // Opening the file only reads it (beforeMigrate null, nothing pending): its bytes stay the same.
    await (await openDatabase(file, { beforeMigrate: null })).close()
    expect(fileHash()).toBe(before)
    // The comparison signs in on each side (a session row): on a copy, so the file stays as it was.
    const copy = join(dir, 'compare.sqlite')
    copyFileSync(file, copy)
    const local = await openDatabase(copy, { beforeMigrate: null })
    const remote = await openPostgresDatabase(url)
    const therapistId = (await local.db.selectFrom('therapists').select('id').orderBy('id').executeTakeFirstOrThrow()).id
    const sessions = new Map([
      [local.db, await openTestSession(local.db, therapistId)],
      [remote.db, await openTestSession(remote.db, therapistId)],
    ])
    try {
      const ask = async (db: typeof local.db, method: string, input: unknown) => {
        const r = await dispatch({ db, now: () => FIXED_NOW }, method, input, sessions.get(db))
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
        return r.value
      }
      for (const [method, input] of [
        ['patients.search', { query: 'ko', pageSize: 50 }],
        ['patients.search', { sort: 'last_visit', pageSize: 50 }],
        ['patients.get', { id: 123 }],
        ['visits.list', { patientId: 123 }],
        ['reviews.due', { withinDays: 30 }],
        ['therapists.list', {}],
        ['exercises.list', {}],
        ['settings.get', {}],
      ] as const) {
        expect(await ask(remote.db, method, input), method).toEqual(await ask(local.db, method, input))
      }
      // New rows on the server are numbered after the copied ones.
      const created = await dispatch({ db: remote.db, now: () => FIXED_NOW }, 'patients.create', { firstName: 'Nowa', lastName: 'Pacjentka', dateOfBirth: '1990-01-01' }, sessions.get(remote.db))
      expect(created).toMatchObject({ ok: true, value: { id: 401 } })
    } finally {
      await local.close()
      await remote.close()
    }
    expect(fileHash()).toBe(before)
  }, 120_000)

  it('refuses a server database that already holds a clinic, and changes nothing there', async () => {
    const url = await server.createDatabase()
    await moveClinicToServer(file, url)
    const remote = await openPostgresDatabase(url)
    const count = async () => Number((await remote.db.selectFrom('visits').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    try {
      const before = await count()
      await expect(moveClinicToServer(file, url)).rejects.toThrow(/already holds a clinic's records\. Footcore moves records only into an empty database; nothing was changed\.$/)
      expect(await count()).toBe(before)
    } finally {
      await remote.close()
    }
  }, 120_000)
})
