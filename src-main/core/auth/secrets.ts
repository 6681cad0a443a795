// PINs, passphrases and codes: stored only as salted scrypt hashes with their parameters beside
// them (`scrypt$N$r$p$salt$hash`), so the cost can be raised later and old hashes still verify.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptParams {
  N: number
  r: number
  p: number
}

/** 32 MiB and about 0.1 s per hash (measured on a busy 2-core machine): slow for a guesser, unnoticed at sign-in. */
export const CURRENT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }
  return new Promise((ok, fail) => scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (e, key) => (e ? fail(e) : ok(key))))
}

export async function hashSecret(secret: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(secret, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [kind, N, r, p, salt, key] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !key) return null
  const params = { N: Number(N), r: Number(r), p: Number(p) }
  if (![params.N, params.r, params.p].every((n) => Number.isInteger(n) && n > 0)) return null
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
}

/** True when `secret` matches `stored`. A missing hash is checked against a throwaway one, so a
 * wrong name takes as long as a wrong PIN. */
export async function verifySecret(secret: string, stored: string | null): Promise<boolean> {
  const parsed = parse(stored ?? '') ?? { params: CURRENT_PARAMS, salt: Buffer.alloc(SALT_BYTES), key: Buffer.alloc(KEY_BYTES, 1) }
  const key = await derive(secret, parsed.salt, parsed.params)
  return stored !== null && key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

/** A hash made with other parameters than today's: rehashed at the next successful sign-in. */
export function needsRehash(stored: string, params: ScryptParams = CURRENT_PARAMS): boolean {
  const parsed = parse(stored)
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p
}

/** A session token (the page or Electron's main keeps it; the database keeps only its SHA-256). */
export const newSessionToken = (): string => randomBytes(32).toString('base64url')
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

// Crockford's base32 without I, L, O, U: nothing to misread on a printed page.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** `groups` groups of 4 characters (20 bits each), e.g. "7K2M-QX9D". */
export function newCode(groups: number): string {
  return Array.from({ length: groups }, () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')).join('-')
}

/** What a person typed as a code, compared the way it was issued (case, spaces and dashes ignored). */
export const normalizeCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')

/** One-time set-up code for a user (40 bits, single use, replaced by their own PIN). */
export const newSetupCode = (): string => newCode(2)
/** The clinic's recovery code (100 bits), printed and kept somewhere safe. */
export const newRecoveryCode = (): string => newCode(5)
