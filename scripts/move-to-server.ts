// `npm run move-to-server -- --db footcore.sqlite --database postgres://…`: the Settings action as a
// command, for an administrator moving a clinic before the workstations are pointed at the server.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { moveClinicToServer } from '../src-main/core/db/move-to-server'
import { DatabaseOpenError } from '../src-main/core/db/open-errors'

const out = (s: string) => process.stdout.write(`${s}\n`)

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, database: { type: 'string' }, help: { type: 'boolean' } } })
  const url = values.database ?? process.env.FOOTCORE_DATABASE_URL
  if (values.help || !values.db || !url) {
    out('Usage: npm run move-to-server -- --db path/to/footcore.sqlite --database postgres://user:password@server:5432/footcore')
    out('Copies every record of the SQLite file into the empty PostgreSQL database, checks every table on both sides, and leaves the file untouched.')
    return values.help ? 0 : 2
  }
  out(`Moving ${resolve(values.db)} to the server…`)
  try {
    const result = await moveClinicToServer(resolve(values.db), url, out)
    const rows = result.tables.reduce((n, t) => n + t.rows, 0)
    out(`Done: ${rows.toLocaleString('en')} rows in ${result.tables.length} tables moved to ${result.where} in ${(result.ms / 1000).toFixed(1)} s; every table's count and checksum agree.`)
    out(`Now start Footcore with --database (or set FOOTCORE_DATABASE_URL) on every workstation. The file was not changed.`)
    return 0
  } catch (e) {
    process.stderr.write(`${e instanceof DatabaseOpenError ? e.message : `The move failed: ${(e as Error).message}`}\n`)
    return 1
  }
}

main().then((code) => process.exit(code))
