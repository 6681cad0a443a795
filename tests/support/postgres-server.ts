// A throwaway PostgreSQL server for tests: Debian's `postgresql` binaries, a temp folder, a free
// loopback port; stopped and deleted afterwards. Never a shared server, never an imitation.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface PostgresServer {
  host: string
  port: number
  /** The server's folder (data, socket, log); deleted by stop(). */
  dir: string
  binDir: string
  /** The password of the `footcore` user (TCP connections need it, as on a clinic's server). */
  password: string
  /** postgres://footcore:PASSWORD@127.0.0.1:PORT/<database> */
  url(database: string): string
  /** Creates an empty database and answers its URL. */
  createDatabase(name?: string): Promise<string>
  dropDatabase(name: string): Promise<void>
  /** Stops the server ('immediate' is a crash as far as the server knows) and keeps the folder. */
  halt(mode?: 'fast' | 'immediate'): void
  /** Starts it again on the same port after halt(). */
  resume(): void
  stop(): void
}

export const POSTGRES_INSTALL_HINT = 'apt-get install -y postgresql postgresql-client'

/** Newest /usr/lib/postgresql/<version>/bin, or null when Debian's postgresql is not installed. */
export function findPostgresBinDir(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? null : join(root, versions[0], 'bin')
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** initdb refuses to run as root: as root, run the server's tools as the `postgres` user. */
function run(binDir: string, tool: string, args: string[]): void {
  const command = isRoot ? 'runuser' : join(binDir, tool)
  const argv = isRoot ? ['-u', 'postgres', '--', join(binDir, tool), ...args] : args
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
}

function chownTree(dir: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  chownSync(dir, uid, gid)
}

export interface PostgresServerOptions {
  /**
   * Write to disk as a clinic's server does (fsync, full-page writes). Tests turn it off: their
   * data is thrown away and a commit should not wait for the disk; the benchmark turns it on so
   * that recording a visit pays for its commit as it would in a clinic.
   */
  durable?: boolean
}

export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const binDir = findPostgresBinDir()
  if (!binDir) throw new Error(`PostgreSQL is not installed: run \`${POSTGRES_INSTALL_HINT}\``)
  const dir = mkdtempSync(join(tmpdir(), 'footcore-pg-'))
  if (isRoot) chownTree(dir)
  const data = join(dir, 'data')
  const host = '127.0.0.1'
  // Password (scram) over TCP as on a clinic's server, so a wrong password is refused for real.
  const password = 'footcore-test-secret'
  const pwfile = join(dir, 'pwfile')
  writeFileSync(pwfile, `${password}\n`, { mode: 0o644 })
  run(binDir, 'initdb', ['-D', data, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`, '-U', 'footcore', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'])
  const port = await freePort()
  const start = () =>
    run(binDir, 'pg_ctl', [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=${host} ${options.durable ? '' : '-c fsync=off -c full_page_writes=off '}-c max_connections=200`,
      'start',
    ])
  start()
  const url = (database: string) => `postgres://footcore:${password}@${host}:${port}/${database}`
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url('postgres') })
    await client.connect()
    try {
      return await fn(client)
    } finally {
      await client.end()
    }
  }
  let counter = 0
  let stopped = false
  return {
    host,
    get port() {
      return port
    },
    dir,
    binDir,
    password,
    url,
    async createDatabase(name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`) {
      await admin((c) => c.query(`create database "${name}"`))
      return url(name)
    },
    async dropDatabase(name) {
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`))
    },
    halt(mode = 'fast') {
      run(binDir, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop'])
    },
    resume() {
      start()
    },
    stop() {
      if (stopped) return
      stopped = true
      try {
        run(binDir, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // Already stopped (a test halted it): the folder still goes.
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
