// Migration 0009 (frozen once shipped): who is at the keyboard. Every therapist becomes a user
// with a role and a sign-in name (no PIN yet: an administrator approves each first PIN); sessions
// held by the clinic database, so a user signs in at any workstation; wrong-PIN waits that
// survive a restart; the clinic's idle-lock time and the recovery code's hash.
import { sql, type Kysely, type Migration } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0009_users_and_sessions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('therapists')
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('therapist').check(sql`role in ('administrator', 'therapist', 'reception')`))
      .execute()
    await db.schema.alterTable('therapists').addColumn('login_name', 'text').execute()
    // `scrypt$N$r$p$salt$hash` (base64): the parameters beside the hash, so they can be raised later.
    await db.schema.alterTable('therapists').addColumn('secret_hash', 'text').execute()
    // A one-time code an administrator hands over: the user signs in with it once and chooses a PIN.
    await db.schema.alterTable('therapists').addColumn('setup_code_hash', 'text').execute()
    await db.schema.alterTable('therapists').addColumn('secret_changed_at', 'text').execute()

    // Sign-in names from the display names: lower-case letters and digits joined by dots, the id
    // added where two people would get the same one.
    const people = await db.selectFrom('therapists').select(['id', 'display_name']).orderBy('id').execute()
    const taken = new Set<string>()
    for (const p of people as { id: number; display_name: string }[]) {
      let name = loginNameFrom(p.display_name) || `user${p.id}`
      if (taken.has(name)) name = `${name}${p.id}`
      taken.add(name)
      await db.updateTable('therapists').set({ login_name: name }).where('id', '=', p.id).execute()
    }
    await db.schema.createIndex('therapists_login_name').on('therapists').column('login_name').unique().execute()

    await db.schema.alterTable('clinic_settings').addColumn('lock_after_minutes', 'integer', (c) => c.notNull().defaultTo(5)).execute()
    await db.schema.alterTable('clinic_settings').addColumn('recovery_code_hash', 'text').execute()

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // SHA-256 of the token: a copy of the database does not sign anybody in.
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('therapists.id').onDelete('cascade'))
      .addColumn('computer_name', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('last_activity_at', 'text', (c) => c.notNull())
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ended_at', 'text')
      .execute()
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

    // Wrong PINs per sign-in name and computer (names nobody has count too, so a wait never tells
    // whether a user exists).
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('login_key', 'text', (c) => c.notNull())
      .addColumn('computer_name', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .addColumn('wait_until', 'text')
      .addPrimaryKeyConstraint('sign_in_failures_pk', ['login_key', 'computer_name'])
      .execute()
  },
}

const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' }

/** Frozen copy of the rule (the app's own may change later). */
function loginNameFrom(displayName: string): string {
  return displayName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 40)
}
