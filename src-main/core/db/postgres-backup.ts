// "Back up now" on a clinic server: pg_dump's custom format into the workstation's backups folder.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { BACKUP_NAME, type BackupInfo, type BackupReason } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import { compactStamp, parseBackupName } from './backup'
import { describePostgresUrl, parsePostgresUrl } from './postgres'

export const SERVER_RESTORE_HELP =
  'This clinic works on a database server. Its backups are restored on the server by the administrator with pg_restore (for example: pg_restore --clean --if-exists -d footcore footcore-….dump), with every workstation closed.'

const NO_PG_DUMP =
  'pg_dump is not installed on this computer, so Footcore cannot back up the clinic database server from here. The server’s own backups apply; ask the administrator, or install the PostgreSQL client tools.'

/** pg_dump on the PATH, else Debian's versioned folder; null when neither has it. */
export function findPgDump(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'pg_dump'))) return join(dir, 'pg_dump')
  }
  const debian = '/usr/lib/postgresql'
  if (!existsSync(debian)) return null
  const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'pg_dump'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? null : join(debian, versions[0], 'bin', 'pg_dump')
}

export function listServerBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  const found: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    const parsed = BACKUP_NAME.test(name) && name.endsWith('.dump') ? parseBackupName(name) : null
    if (parsed) found.push({ name, ...parsed, sizeBytes: statSync(join(dir, name)).size })
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : -1))
}

/**
 * Runs pg_dump --format=custom. The password goes through PGPASSWORD, never the command line
 * (other users of the computer can read command lines). Written to a .partial name first, so a
 * half-written dump never looks like a backup.
 */
export async function dumpPostgresDatabase(url: string, dir: string, reason: BackupReason, now: Date): Promise<BackupInfo> {
  const pgDump = findPgDump()
  if (!pgDump) throw new ApiError({ code: 'unavailable', message: NO_PG_DUMP })
  const parsed = parsePostgresUrl(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  mkdirSync(dir, { recursive: true })
  const name = `footcore-${compactStamp(now)}-${reason}.dump`
  const partial = join(dir, `${name}.partial`)
  try {
    await promisify(execFile)(pgDump, ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${parsed.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGCONNECT_TIMEOUT: '10' },
      timeout: 30 * 60 * 1000,
    })
  } catch (e) {
    if (existsSync(partial)) unlinkSync(partial)
    const stderr = String((e as { stderr?: string }).stderr ?? '').split('\n')[0]?.slice(0, 200) ?? ''
    throw new ApiError({ code: 'unavailable', message: `The backup of ${describePostgresUrl(parsed)} failed: ${stderr || 'pg_dump stopped with an error'}.` })
  }
  renameSync(partial, join(dir, name))
  const info = parseBackupName(name)!
  return { name, ...info, sizeBytes: statSync(join(dir, name)).size }
}
