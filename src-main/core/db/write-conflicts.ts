// A write that lost a race with another workstation, as one plain sentence: the database refused
// it (a rule it enforces, or two transactions that could not both be right), on either dialect.

/** Constraint (PostgreSQL) or table (SQLite names only the columns) → what the person is told. */
const UNIQUE_RULES: { constraint: string; table: string; message: string }[] = [
  { constraint: 'patients_same_person', table: 'patients', message: 'A patient with this name and date of birth already exists' },
  { constraint: 'programs_one_active', table: 'programs', message: 'This patient already has an active program; end it before assigning a new one' },
]

const SAME_MOMENT =
  'Another workstation changed the same records at the same moment, so nothing was saved. Your changes are still in the form; save again.'
const GONE_MEANWHILE =
  'A record this change depends on was removed or changed on another workstation at the same moment, so nothing was saved. Reload the page to see the records as they are now.'

interface DatabaseErrorShape {
  code?: string
  constraint?: string
  message?: string
}

/** The sentence for a write the database refused because of another workstation, or null. */
export function writeConflictMessage(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null
  const { code = '', constraint = '', message = '' } = e as DatabaseErrorShape
  // PostgreSQL: unique_violation, foreign_key_violation, serialization_failure, deadlock_detected.
  if (code === '23505') return UNIQUE_RULES.find((r) => r.constraint === constraint)?.message ?? SAME_MOMENT
  if (code === '23503') return GONE_MEANWHILE
  if (code === '40001' || code === '40P01') return SAME_MOMENT
  // SQLite: "UNIQUE constraint failed: patients.last_name_key, …"; a busy file is another writer.
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const table = /constraint failed: (\w+)\./.exec(message)?.[1]
    return UNIQUE_RULES.find((r) => r.table === table)?.message ?? SAME_MOMENT
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return GONE_MEANWHILE
  if (code.startsWith('SQLITE_BUSY')) return SAME_MOMENT
  return null
}
