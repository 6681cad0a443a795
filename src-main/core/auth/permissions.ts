// THE permission table: which role may call which contract method. The router checks it before
// any service runs; the renderer only hides what a role cannot use. A new contract method without
// a rule here does not compile (and the role × method test fails).
import type { MethodName } from '@shared/api'
import type { UserRole } from '@shared/domain/user'

/**
 * - `anyone`: answers without a session (signing in, first set-up, the recovery screen of a file
 *   that will not open — there is no database to hold a session then).
 * - `signedIn`: any role, and still allowed while the screen is locked (unlock, sign out).
 * - a list of roles: a signed-in, unlocked session of one of these roles.
 */
export type Rule = 'anyone' | 'signedIn' | readonly UserRole[]

const ALL: readonly UserRole[] = ['administrator', 'therapist', 'reception']
const CLINICAL: readonly UserRole[] = ['administrator', 'therapist']
const ADMIN: readonly UserRole[] = ['administrator']

export const PERMISSIONS: Record<MethodName, Rule> = {
  'session.setupStatus': 'anyone',
  'session.createFirstAdministrator': 'anyone',
  'session.signIn': 'anyone',
  'session.recover': 'anyone',
  'session.current': 'anyone',
  'session.signOut': 'signedIn',
  'session.lock': 'signedIn',
  'session.unlock': 'signedIn',
  'session.stillHere': ALL,

  // Reception: find and create patients, contact details, due reviews, a handout.
  'patients.search': ALL,
  'patients.create': ALL,
  'patients.contact': ALL,
  'patients.updateContact': ALL,
  'reviews.due': ALL,
  'programs.current': ALL,
  'documents.handout': ALL,
  'exercises.list': ALL,
  'therapists.list': ALL,
  'settings.get': ALL,
  'changes.since': ALL,

  // Clinical records: measurements, pain scores, notes, programs, reports, the audit trail.
  'patients.get': CLINICAL,
  'patients.update': CLINICAL,
  'patients.archive': CLINICAL,
  'visits.record': CLINICAL,
  'visits.correct': CLINICAL,
  'visits.list': CLINICAL,
  // Voiding: also only the person who entered the visit, or an administrator (services/visits.ts).
  'visits.void': CLINICAL,
  'visits.restore': CLINICAL,
  'programs.assign': CLINICAL,
  'programs.update': CLINICAL,
  'programs.end': CLINICAL,
  'programs.history': CLINICAL,
  'exercises.create': CLINICAL,
  'exercises.update': CLINICAL,
  'documents.progressReport': CLINICAL,
  'audit.forPatient': CLINICAL,

  // The clinic itself: settings, users and roles, backups and restore, export and erase, the server.
  'settings.update': ADMIN,
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.setRole': ADMIN,
  'users.resetPin': ADMIN,
  'users.deactivate': ADMIN,
  'users.reactivate': ADMIN,
  'patients.export': ADMIN,
  'patients.erase': ADMIN,
  'backups.list': ADMIN,
  'backups.create': ADMIN,
  'backups.preview': ADMIN,
  'backups.restore': ADMIN,
  'workstations.list': ADMIN,
  'database.status': ALL,
  'database.testServer': ADMIN,
  'database.useServer': ADMIN,
  'database.moveToServer': ADMIN,

  'recovery.status': 'anyone',
  'recovery.restore': 'anyone',
}

/** True when a signed-in `role` may call `method` (rules `anyone`/`signedIn` allow every role). */
export function roleMay(role: UserRole, method: MethodName): boolean {
  const rule = PERMISSIONS[method]
  return rule === 'anyone' || rule === 'signedIn' || rule.includes(role)
}

/** Calls that do not count as someone at the keyboard (the page's own polling). */
export const BACKGROUND_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['changes.since', 'session.current', 'database.status', 'settings.get', 'therapists.list'])
