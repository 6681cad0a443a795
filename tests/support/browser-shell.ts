// Starts the built browser shell (out/main/browser-shell.js) on a fresh database for one test.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface RunningShell {
  url: string
  dbFile: string
  dir: string
  process: ChildProcess
  stop(): Promise<void>
}

const ROOT = resolve(__dirname, '../..')
/** Build folder (electron-vite --outDir); parallel work can build into its own. */
const OUT = process.env.FOOTCORE_OUT ?? 'out'

export async function startShell(options: { dbFile?: string; env?: Record<string, string> } = {}): Promise<RunningShell> {
  const dir = mkdtempSync(join(tmpdir(), 'footcore-e2e-'))
  const dbFile = options.dbFile ?? join(dir, 'footcore.sqlite')
  const child = spawn(process.execPath, [join(ROOT, OUT, 'main/browser-shell.js'), '--port', '0', '--db', dbFile], {
    cwd: ROOT,
    env: { ...process.env, FOOTCORE_LOG: 'silent', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await shellUrl(child, 20_000)
  return {
    url,
    dbFile,
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
      if (!options.dbFile) rmSync(dir, { recursive: true, force: true })
    },
  }
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
