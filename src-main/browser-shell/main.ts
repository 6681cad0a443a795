// `npm run start:browser`: opens the clinic database and serves the app on 127.0.0.1 (the recovery
// screen when the database cannot be opened).
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppState } from '../core/app-state'
import { readDatabaseChoice } from '../core/database-choice'
import { chooseDatabaseLocation } from '../core/db/clinic-database'
import { DatabaseOpenError } from '../core/db/open-errors'
import { DB_FILE_NAME, defaultUserDataDir, SERVER_BACKUPS_FOLDER } from '../core/paths'
import { startBrowserShell } from './server'

export const DEFAULT_PORT = 5176

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, db: { type: 'string' }, database: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: false,
  })
  if (values.help) {
    process.stdout.write(
      'Usage: npm run start:browser -- [--port 5176] [--db path/to/footcore.sqlite | --database postgres://user:password@server:5432/footcore]\n' +
        'Without either, the SQLite file in the user-data folder (or FOOTCORE_DB / FOOTCORE_DATABASE_URL).\n',
    )
    return
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got ${values.port}`)
  const userData = defaultUserDataDir()
  const fromCommandLine = values.db !== undefined || values.database !== undefined || Boolean(process.env.FOOTCORE_DB) || Boolean(process.env.FOOTCORE_DATABASE_URL)
  // Without a flag: the server chosen in Settings earlier (stored without its password here: the
  // browser shell has no operating-system encryption), else the SQLite file.
  const location = fromCommandLine ? chooseDatabaseLocation(values, process.env, join(userData, DB_FILE_NAME)) : (readDatabaseChoice(userData, undefined) ?? { kind: 'sqlite' as const, file: join(userData, DB_FILE_NAME) })
  if (location.kind === 'sqlite') {
    location.file = resolve(location.file)
    mkdirSync(dirname(location.file), { recursive: true })
  }

  // A damaged or unreadable file still starts the app: the page shows the recovery screen. A
  // server that cannot be used stops the start with one sentence (DatabaseOpenError, below).
  const state = await AppState.open(location, {
    serverBackupDir: join(userData, SERVER_BACKUPS_FOLDER),
    ...(fromCommandLine ? {} : { choice: { dir: userData } }),
  })
  const shell = await startBrowserShell({ core: state, rendererDir: resolve(__dirname, '../renderer'), port })
  if (!state.available) process.stderr.write(`Footcore cannot open ${state.where}: ${state.status().message}\nThe page shows the recovery screen.\n`)
  process.stdout.write(`Footcore is running at ${shell.url}\nDatabase: ${state.where}\nPress Ctrl+C to stop.\n`)
  state.startAutomaticBackups()

  const stop = () => {
    void shell.close().then(() => state.close()).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  // A refused clinic database is said in its own plain sentence, nothing else.
  if (e instanceof DatabaseOpenError) process.stderr.write(`Footcore did not start: ${e.message}\n`)
  else process.stderr.write(`Footcore browser shell failed to start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
