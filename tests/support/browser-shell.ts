// Starts the built browser shell (out/main/browser-shell.js) on a fresh database for one test: a
// SQLite file, or a database on a throwaway PostgreSQL server started for it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startPostgresServer, type PostgresServer } from './postgres-server'

export interface RunningShell {
  url: string
  dbFile: string
  /** The PostgreSQL server the shell works on (dialect 'postgres'). */
  postgres?: PostgresServer
  dir: string
  process: ChildProcess
  stop(): Promise<void>
}

const ROOT = resolve(__dirname, '../..')
/** Build folder (electron-vite --outDir); parallel work can build into its own. */
const OUT = process.env.FOOTCORE_OUT ?? 'out'

export interface ShellOptions {
  dbFile?: string
  env?: Record<string, string>
  /** 'postgres': a throwaway server for this shell (Playwright project "postgres" sets it). */
  dialect?: 'sqlite' | 'postgres'
  /** No --db/--database: the shell finds its database in the user-data folder, as a fresh install. */
  fromUserData?: boolean
}

export async function startShell(options: ShellOptions = {}): Promise<RunningShell> {
  const dir = mkdtempSync(join(tmpdir(), 'footcore-e2e-'))
  const dbFile = options.dbFile ?? join(dir, 'footcore.sqlite')
  const postgres = options.dialect === 'postgres' ? await startPostgresServer() : undefined
  const database = options.fromUserData ? [] : postgres ? ['--database', await postgres.createDatabase('footcore')] : ['--db', dbFile]
  const child = spawn(process.execPath, [join(ROOT, OUT, 'main/browser-shell.js'), '--port', '0', ...database], {
    cwd: ROOT,
    // The user-data folder inside the test folder: "Back up now" on a server writes there.
    env: { ...withoutDatabaseVariables(process.env), FOOTCORE_LOG: 'silent', XDG_CONFIG_HOME: join(dir, 'config'), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let url: string
  try {
    url = await shellUrl(child, 20_000)
  } catch (e) {
    postgres?.stop()
    throw e
  }
  return {
    url,
    dbFile,
    ...(postgres ? { postgres } : {}),
    dir,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok))
        child.kill('SIGTERM')
        // A graceful stop should take milliseconds; never let a stuck one hang the suite.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(force)
      }
      postgres?.stop()
      if (!options.dbFile) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The tests choose the database themselves: a developer's FOOTCORE_DB / FOOTCORE_DATABASE_URL must not leak in. */
function withoutDatabaseVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FOOTCORE_DB: _db, FOOTCORE_DATABASE_URL: _url, ...rest } = env
  return rest
}

/** Waits for a started browser shell to print its URL; fails with its output when it exits or times out. */
export function shellUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  let output = ''
  return new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser shell did not start in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m) {
        clearTimeout(timer)
        ok(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`browser shell exited with ${code}:\n${output}`))
    })
  })
}
