// The whole-file integrity check, run in a worker thread so a large clinic file is checked without freezing the app.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export type IntegrityResult = { ok: true; ms: number } | { ok: false; detail: string; ms: number }

// Plain JavaScript evaluated in the worker: no bundler entry is needed for it, in Electron or Node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
let db
try {
  db = new Database(workerData.file, Object.assign({ readonly: true, fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}))
  const lines = db.pragma('integrity_check').map((r) => r.integrity_check)
  parentPort.postMessage({ ok: lines.length === 1 && lines[0] === 'ok', detail: lines.slice(0, 20).join('; ') })
} catch (e) {
  parentPort.postMessage({ ok: false, detail: String((e && e.message) || e) })
} finally {
  if (db) db.close()
}
`

/**
 * PRAGMA integrity_check of `file` on its own read-only connection in a worker thread. On a
 * 300 MB clinic file it takes seconds (see README, Performance); in WAL mode it reads a consistent
 * snapshot while the app keeps working. Resolves, never rejects: a failure is `ok: false`.
 */
export function checkIntegrityInBackground(file: string, options: { nativeBinding?: string } = {}): Promise<IntegrityResult> {
  const started = performance.now()
  const elapsed = () => performance.now() - started
  return new Promise((done) => {
    let worker: Worker
    try {
      const module = createRequire(__filename).resolve('better-sqlite3')
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, nativeBinding: options.nativeBinding } })
    } catch (e) {
      done({ ok: false, detail: `The integrity check could not start (${(e as Error).message}).`, ms: elapsed() })
      return
    }
    let answered = false
    worker.once('message', (m: { ok: boolean; detail: string }) => {
      answered = true
      done(m.ok ? { ok: true, ms: elapsed() } : { ok: false, detail: m.detail, ms: elapsed() })
    })
    worker.once('error', (e) => {
      answered = true
      done({ ok: false, detail: `The integrity check failed (${e.message}).`, ms: elapsed() })
    })
    worker.once('exit', (code) => {
      if (!answered) done({ ok: false, detail: `The integrity check stopped (exit code ${code}).`, ms: elapsed() })
    })
  })
}
