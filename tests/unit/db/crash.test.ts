// Crash safety: a writer killed with SIGKILL at random moments never loses a visit it saw committed
// and never leaves a damaged file.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildSync } from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { firstAdministrator } from '../../support/sessions'
import { dispatch } from '../../../src-main/core/api/router'
import { openDatabase } from '../../../src-main/core/db/connection'

process.env.FOOTCORE_LOG = 'silent'
const ROOT = resolve(__dirname, '../../..')
const KILLS = 20

let dir: string
let file: string
let writer: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-crash-'))
  file = join(dir, 'footcore.sqlite')
  // Bundled once: starting a plain .cjs is much faster than compiling TypeScript twenty times.
  writer = join(dir, 'crash-writer.cjs')
  buildSync({
    entryPoints: [join(ROOT, 'tests/support/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.node.json'),
    outfile: writer,
    logLevel: 'warning',
  })
  const database = await openDatabase(file)
  const core = { db: database.db }
  const admin = await firstAdministrator(core)
  const p = await dispatch(core, 'patients.create', { firstName: 'Zoë', lastName: 'Kowalska', dateOfBirth: '1980-02-29' }, admin.token)
  expect(p.ok).toBe(true)
  await database.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the writer, kills it `afterMs` after it is ready, and returns the ids it reported committed. */
function runAndKill(afterMs: number): Promise<number[]> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [writer, file], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), FOOTCORE_LOG: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      const first = out === ''
      out += c.toString()
      if (first && out.startsWith('ready\n')) setTimeout(() => child.kill('SIGKILL'), afterMs)
    })
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.once('error', fail)
    child.once('close', (code, signal) => {
      if (signal !== 'SIGKILL') return fail(new Error(`writer ended by itself (${code}): ${err}`))
      // A line cut off by the kill has no newline yet; only whole lines count.
      const ids = [...out.matchAll(/^committed (\d+)\n/gm)].map((m) => Number(m[1]))
      ok(ids)
    })
  })
}

it(`keeps every committed visit through ${KILLS} SIGKILLs at random moments`, async () => {
  const started = Date.now()
  const reported = new Set<number>()
  let lost = 0
  for (let kill = 1; kill <= KILLS; kill++) {
    const ids = await runAndKill(Math.floor(Math.random() * 400))
    for (const id of ids) reported.add(id)

    // What the app does at its next start: integrity check, then open.
    const database = await openDatabase(file)
    expect(database.sqlite.pragma('integrity_check', { simple: true }), `after kill ${kill}`).toBe('ok')
    const visits = new Set(database.sqlite.prepare('select id from visits').pluck().all() as number[])
    const missing = [...reported].filter((id) => !visits.has(id))
    lost += missing.length
    expect(missing, `visits reported committed but missing after kill ${kill}`).toEqual([])
    // A committed visit is whole: its measurements, scores and audit entry came with it.
    const partial = database.sqlite
      .prepare(
        `select v.id from visits v where
           (select count(*) from measurements m where m.visit_id = v.id) <> 2
           or (select count(*) from symptom_scores s where s.visit_id = v.id) <> 2
           or (select count(*) from audit_log a where a.entity = 'visit' and a.entity_id = v.id) <> 1`,
      )
      .pluck()
      .all()
    expect(partial, `half-written visits after kill ${kill}`).toEqual([])
    await database.close()
  }
  expect(reported.size).toBeGreaterThan(0)
  console.log(`crash test: ${KILLS} kills survived, ${reported.size} visits reported committed, ${lost} lost, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 120_000)
