// The workstation's remembered choice of clinic database (a small JSON file in the user-data folder):
// the server's address, and its password only encrypted by the operating system (Electron's
// safeStorage), never in plain text. Without such encryption the password is not stored at all.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseLocation } from './db/clinic-database'
import { parsePostgresUrl, withPassword } from './db/postgres'

export const DATABASE_CHOICE_FILE = 'database.json'

/** Electron's safeStorage in the app; absent in the browser shell. */
export interface SecretBox {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

interface StoredChoice {
  kind: 'postgres'
  /** postgres://user@server:5432/footcore?sslmode=… — never with a password in it. */
  address: string
  /** base64 of safeStorage's encryption of the password. */
  passwordEncrypted?: string
}

export function canStorePasswords(box: SecretBox | undefined): boolean {
  return Boolean(box?.isEncryptionAvailable())
}

/** The server remembered on this computer, or null (the SQLite file, as by default). */
export function readDatabaseChoice(dir: string, box: SecretBox | undefined): DatabaseLocation | null {
  const file = join(dir, DATABASE_CHOICE_FILE)
  if (!existsSync(file)) return null
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredChoice
  if (stored.kind !== 'postgres') return null
  const password = stored.passwordEncrypted && canStorePasswords(box) ? box!.decryptString(Buffer.from(stored.passwordEncrypted, 'base64')) : ''
  return { kind: 'postgres', url: withPassword(stored.address, password) }
}

/** Remembers a server; the password goes in only encrypted, and never into the address. */
export function saveDatabaseChoice(dir: string, box: SecretBox | undefined, url: string): void {
  const parsed = parsePostgresUrl(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  const stored: StoredChoice = {
    kind: 'postgres',
    address: parsed.toString(),
    ...(password && canStorePasswords(box) ? { passwordEncrypted: box!.encryptString(password).toString('base64') } : {}),
  }
  const file = join(dir, DATABASE_CHOICE_FILE)
  writeFileSync(`${file}.tmp`, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
}
