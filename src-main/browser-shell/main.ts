// `npm run start:browser`: opens the clinic database and serves the app on 127.0.0.1 (the recovery
// screen when the database cannot be opened).
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppState } from '../core/app-state'
import { DB_FILE_NAME, defaultUserDataDir } from '../core/paths'
import { startBrowserShell } from './server'

export const DEFAULT_PORT = 5176

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: false,
  })
  if (values.help) {
    process.stdout.write('Usage: npm run start:browser -- [--port 5176] [--db path/to/footcore.sqlite]\n')
    return
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got ${values.port}`)
  const file = resolve(values.db ?? process.env.FOOTCORE_DB ?? join(defaultUserDataDir(), DB_FILE_NAME))
  mkdirSync(dirname(file), { recursive: true })

  // A damaged or unreadable file still starts the app: the page shows the recovery screen.
  const state = await AppState.open(file)
  const shell = await startBrowserShell({ core: state, rendererDir: resolve(__dirname, '../renderer'), port })
  if (!state.available) process.stderr.write(`Footcore cannot open ${file}: ${state.status().message}\nThe page shows the recovery screen.\n`)
  process.stdout.write(`Footcore is running at ${shell.url}\nDatabase: ${file}\nPress Ctrl+C to stop.\n`)
  state.startAutomaticBackups()

  const stop = () => {
    void shell.close().then(() => state.close()).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`Footcore browser shell failed to start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
