// `npm run start:browser`: opens the clinic database and serves the app on 127.0.0.1.
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase, DatabaseOpenError } from '../core/db/connection'
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

  let database
  try {
    database = await openDatabase(file)
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      process.stderr.write(`Footcore cannot open ${file}: ${e.message}\n`)
      process.exit(2)
    }
    throw e
  }
  const shell = await startBrowserShell({ core: { db: database.db }, rendererDir: resolve(__dirname, '../renderer'), port })
  process.stdout.write(`Footcore is running at ${shell.url}\nDatabase: ${file}\nPress Ctrl+C to stop.\n`)

  const stop = () => {
    void shell.close().then(() => database.close()).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`Footcore browser shell failed to start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
