// The remembered clinic database server: the address in a small file, the password only encrypted
// (Electron's safeStorage, here a stand-in with the same interface), never in plain text.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_CHOICE_FILE, readDatabaseChoice, saveDatabaseChoice, type SecretBox } from '../../../src-main/core/database-choice'

/** safeStorage's shape: a reversible transformation the test can tell from plain text. */
const box: SecretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8'),
}
const noBox: SecretBox = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-choice-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the remembered clinic database', () => {
  it('is the SQLite file until a server is chosen', () => {
    expect(readDatabaseChoice(dir, box)).toBeNull()
  })

  it('keeps the address and the password encrypted, and gives the same URL back', () => {
    saveDatabaseChoice(dir, box, 'postgres://footcore:S3cret%2Fpass@clinic-server:5432/footcore?sslmode=require')
    const text = readFileSync(join(dir, DATABASE_CHOICE_FILE), 'utf8')
    expect(text).not.toContain('S3cret')
    expect(JSON.parse(text)).toMatchObject({ kind: 'postgres', address: 'postgres://footcore@clinic-server:5432/footcore?sslmode=require' })
    expect(statSync(join(dir, DATABASE_CHOICE_FILE)).mode & 0o077).toBe(0)
    expect(readDatabaseChoice(dir, box)).toEqual({ kind: 'postgres', url: 'postgres://footcore:S3cret%2Fpass@clinic-server:5432/footcore?sslmode=require' })
  })

  it('does not store the password at all where the computer cannot encrypt it', () => {
    saveDatabaseChoice(dir, noBox, 'postgres://footcore:S3cret@clinic-server/footcore')
    expect(readFileSync(join(dir, DATABASE_CHOICE_FILE), 'utf8')).not.toContain('S3cret')
    expect(readDatabaseChoice(dir, noBox)).toEqual({ kind: 'postgres', url: 'postgres://footcore@clinic-server/footcore' })
  })
})
