// The background integrity check: "ok" for a sound file, the damage for a damaged one, and the app keeps running meanwhile.
import { createHash } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase } from '../../../src-main/core/db/connection'
import { checkIntegrityInBackground } from '../../../src-main/core/db/integrity-check'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-integrity-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A clinic file with enough patients to span many pages. */
async function clinicFile(): Promise<string> {
  const file = join(dir, 'clinic.sqlite')
  const { sqlite, close } = await openDatabase(file)
  const at = '2026-01-10T09:00:00.000Z'
  const insert = sqlite.prepare(
    "insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, notes, created_at, updated_at) values (?, ?, ?, ?, '1970-01-01', 'female', ?, ?, ?)",
  )
  sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`Zoë ${i}`, `Łukasiewicz ${i}`, `zoe ${i}`, `lukasiewicz ${i}`, 'Plantar heel pain, both feet. '.repeat(4), at, at)
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  await close()
  return file
}

describe('checkIntegrityInBackground', () => {
  it('answers ok for a sound file while the app keeps using it', async () => {
    const file = await clinicFile()
    const { db, close } = await openDatabase(file)
    try {
      const check = checkIntegrityInBackground(file)
      // The main thread is free: the app can read while the worker checks.
      const { n } = await db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(n).toBe(3000)
      const result = await check
      expect(result.ok).toBe(true)
      expect(result.ms).toBeGreaterThan(0)
    } finally {
      await close()
    }
  })

  it('reports the damage of a file with bytes overwritten in the middle', async () => {
    const file = await clinicFile()
    const pageSize = (() => {
      const d = new Database(file, { readonly: true })
      const size = d.pragma('page_size', { simple: true }) as number
      const pages = d.pragma('page_count', { simple: true }) as number
      d.close()
      return { size, pages }
    })()
    // Scribble over an index page's cells (not its header), as a failing disk would.
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(pageSize.size / 2, 0x5a), 0, pageSize.size / 2, Math.floor(pageSize.pages / 2) * pageSize.size + 100)
    closeSync(fd)
    const result = await checkIntegrityInBackground(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.detail.length).toBeGreaterThan(0)
  })

  it('answers not ok, without throwing, for a file that is not there', async () => {
    const result = await checkIntegrityInBackground(join(dir, 'missing.sqlite'))
    expect(result).toMatchObject({ ok: false })
  })

  it("openDatabase with integrityCheck 'in_background' opens at once and answers the check later", async () => {
    const file = await clinicFile()
    const { db, integrity, close } = await openDatabase(file, { integrityCheck: 'in_background' })
    try {
      expect((await db.selectFrom('patients').select('id').limit(1).execute()).length).toBe(1)
      expect(await integrity).toMatchObject({ ok: true })
    } finally {
      await close()
    }
  })

  it('in the background still refuses a file written by a newer Footcore, untouched', async () => {
    const file = await clinicFile()
    const raw = new Database(file)
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')").run()
    raw.close()
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')
    const error = await openDatabase(file, { integrityCheck: 'in_background' }).catch((e: unknown) => e)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).kind).toBe('schema_too_new')
  })
})

