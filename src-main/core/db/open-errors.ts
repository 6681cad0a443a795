// Why a clinic database could not be opened, in plain words, for both dialects.
import { MIGRATIONS } from './migrations'

/** SQLite file: the recovery screen's cases. PostgreSQL server: refused at start with one sentence. */
export type OpenFailure =
  | 'unreadable'
  | 'damaged'
  | 'schema_too_new'
  | 'migration_failed'
  | 'bad_address'
  | 'server_unreachable'
  | 'server_refused'
  | 'server_too_old'
  | 'foreign_database'

/** Why a database could not be opened; `kind` decides what the app shows (recovery screen, refusal). */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: OpenFailure,
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

export const APP_MIGRATIONS = Object.keys(MIGRATIONS)

/** A database that recorded a migration this app does not know was written by a newer Footcore. */
export function refuseNewerSchema(applied: string[]): void {
  const unknown = applied.filter((n) => !APP_MIGRATIONS.includes(n))
  if (unknown.length > 0) {
    throw new DatabaseOpenError(
      'schema_too_new',
      'This database was saved by a newer version of Footcore. Install the newer version to open it; the database was not changed.',
    )
  }
}
