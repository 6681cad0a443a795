// Which clinic database the app opens: the embedded SQLite file (default) or a PostgreSQL server.
import { openDatabase, type OpenOptions, type SqliteClinicDatabase } from './connection'
import { openPostgresDatabase, parsePostgresUrl, type PostgresClinicDatabase, type PostgresOpenOptions } from './postgres'

export type ClinicDatabase = SqliteClinicDatabase | PostgresClinicDatabase
export type { SqliteClinicDatabase, PostgresClinicDatabase }

export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

/**
 * `--database postgres://…` (or FOOTCORE_DATABASE_URL) names a server; otherwise the SQLite file of
 * `--db` / FOOTCORE_DB / the user-data folder. A bad address is refused here, before anything opens.
 */
export function chooseDatabaseLocation(args: { database?: string; db?: string }, env: NodeJS.ProcessEnv, defaultFile: string): DatabaseLocation {
  const url = args.database ?? (args.db === undefined ? env.FOOTCORE_DATABASE_URL : undefined)
  if (url !== undefined && url !== '') {
    parsePostgresUrl(url)
    return { kind: 'postgres', url }
  }
  return { kind: 'sqlite', file: args.db ?? env.FOOTCORE_DB ?? defaultFile }
}

export function openClinicDatabase(location: DatabaseLocation, options: OpenOptions & PostgresOpenOptions = {}): Promise<ClinicDatabase> {
  return location.kind === 'postgres' ? openPostgresDatabase(location.url, options) : openDatabase(location.file, options)
}
