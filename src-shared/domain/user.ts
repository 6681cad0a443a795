// Users, roles and sessions: who is at the keyboard, and what their role lets them do.
import { z } from 'zod'
import { BaseVersion, Id, optionalLine } from './common'
import { personName } from './names'

export const USER_ROLES = ['administrator', 'therapist', 'reception'] as const
export type UserRole = (typeof USER_ROLES)[number]
export const ROLE_LABELS: Record<UserRole, string> = { administrator: 'Administrator', therapist: 'Therapist', reception: 'Reception' }

/** Roles that measure, treat and are named on clinical records. */
export const CLINICAL_ROLES: readonly UserRole[] = ['administrator', 'therapist']

/** Sign-in names: what a person types at the sign-in screen (lower-case letters, digits, dots). */
export const LOGIN_NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/

// Letters that Unicode does not decompose but people type without their stroke (as in names.ts).
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' }

/** "Zoë Łukasiewicz" → "zoe.lukasiewicz": the sign-in name offered for a new user (the core adds a number if taken). */
export function suggestLoginName(displayName: string): string {
  return displayName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 36)
}

export const loginName = z
  .string({ error: 'Sign-in name is required' })
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length > 0, { error: 'Sign-in name is required', abort: true })
  .refine((s) => LOGIN_NAME.test(s), { error: 'Use 2 to 40 lower-case letters, digits, dots or hyphens, starting with a letter or digit', abort: true })

/** A name someone typed at sign-in: checked only for size (a wrong name is answered like a wrong PIN). */
export const typedLoginName = z
  .string({ error: 'Type your sign-in name' })
  .max(100, { error: 'Type your sign-in name' })
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length > 0, { error: 'Type your sign-in name', abort: true })

/** What someone typed in the PIN field: never trimmed or echoed; bounded so hashing stays cheap. */
export const typedSecret = z.string({ error: 'Type your PIN' }).min(1, { error: 'Type your PIN' }).max(200, { error: 'A PIN or passphrase can be at most 200 characters' })

/**
 * A new PIN (at least 6 digits) or passphrase (at least 10 characters, not only digits). PINs
 * anyone would try first (one digit repeated, a run like 123456) are refused.
 */
export const newSecret = z
  .string({ error: 'Choose a PIN' })
  .max(200, { error: 'A PIN or passphrase can be at most 200 characters' })
  .refine((s) => s.length > 0, { error: 'Choose a PIN of at least 6 digits or a passphrase of at least 10 characters', abort: true })
  .refine((s) => (/^\d+$/.test(s) ? s.length >= 6 : s.length >= 10), {
    error: 'Use a PIN of at least 6 digits or a passphrase of at least 10 characters',
    abort: true,
  })
  .refine((s) => !isGuessablePin(s), { error: 'This PIN is too easy to guess (one digit repeated or a run of digits). Choose another.', abort: true })

export function isGuessablePin(s: string): boolean {
  if (!/^\d+$/.test(s)) return false
  if (/^(\d)\1+$/.test(s)) return true
  const digits = [...s].map(Number)
  const step = (digits[1] ?? 0) - (digits[0] ?? 0)
  return (step === 1 || step === -1) && digits.every((d, i) => i === 0 || d - digits[i - 1]! === step)
}

export interface User {
  id: number
  displayName: string
  credentials: string | null
  loginName: string
  role: UserRole
  active: boolean
  /** Has chosen a PIN or passphrase. */
  hasSecret: boolean
  /** A one-time set-up code is waiting to be used. */
  setupPending: boolean
  /** Wrong PINs made this user wait (any workstation), until this time; null when not locked out. */
  lockedOutUntil: string | null
  version: number
}

/** A new user or a PIN reset: the one-time code to hand over, shown once. */
export interface UserWithSetupCode extends User {
  setupCode: string
}

const UserFields = z.object({
  displayName: personName('Name'),
  credentials: optionalLine('Credentials', 100),
})
export const UserCreateInput = UserFields.extend({ loginName: loginName.optional(), role: z.enum(USER_ROLES).default('therapist') }).strict()
export const UserUpdateInput = UserFields.extend({ id: Id, version: BaseVersion, loginName: loginName.optional() }).strict()
export const UserRoleInput = z.object({ id: Id, version: BaseVersion, role: z.enum(USER_ROLES, { error: 'Choose a role' }) }).strict()
export const UserIdInput = z.object({ id: Id, version: BaseVersion }).strict()

export const SignInInput = z
  .object({
    loginName: typedLoginName,
    secret: typedSecret,
    /** With a one-time set-up code in `secret`: the PIN the user chooses. */
    newSecret: newSecret.optional(),
  })
  .strict()
export const UnlockInput = z.object({ secret: typedSecret }).strict()
export const FirstAdministratorInput = z
  .object({
    /** An existing therapist (a clinic from before sign-in) or a new person. */
    existingUserId: Id.optional(),
    displayName: personName('Name').optional(),
    loginName,
    secret: newSecret,
  })
  .strict()
  .refine((v) => v.existingUserId !== undefined || v.displayName !== undefined, { error: 'Name is required', path: ['displayName'] })
export const RecoverInput = z.object({ loginName: typedLoginName, recoveryCode: z.string().max(100), newSecret }).strict()

export interface SignedInUser {
  id: number
  displayName: string
  loginName: string
  role: UserRole
}

export interface SessionState {
  user: SignedInUser | null
  /** The contract methods the user's role may call (from the core's permission table): the page hides the rest. */
  allowedMethods: string[]
  locked: boolean
  /** Minutes without input before the screen locks (clinic setting). */
  lockAfterMinutes: number
}

/**
 * A sign-in's answer. The browser shell's page keeps `sessionToken` for its calls; Electron's main
 * process keeps it for the window and never hands it to the page.
 */
export type SignInResult =
  | { status: 'signedIn'; session: SessionState; sessionToken?: string }
  | { status: 'chooseSecret' }

/** Set-up of the first administrator: their session and the recovery code, shown once. */
export interface FirstAdministratorResult {
  session: SessionState
  sessionToken?: string
  recoveryCode: string
}

export interface SetupStatus {
  /** No administrator with a PIN yet: the first start asks for one. */
  needsFirstAdministrator: boolean
  /** Therapists from before sign-in existed, who may become the first administrator. */
  existingUsers: { id: number; displayName: string }[]
}
