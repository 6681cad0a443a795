// `npm run bench:load`: six workstations (API clients, each with its own connection pool) work a
// clinic day at 10× speed against one PostgreSQL server — searches, patient pages, visits, program
// changes, handouts, and two workstations now and then saving the same patient — and report p50/p95
// per operation and every error that is not a deliberate conflict into bench-results/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { localToday } from '@shared/calc/dates'
import { dispatch } from '../../src-main/core/api/router'
import { startSession } from '../../src-main/core/auth/sessions'
import { moveClinicToServer } from '../../src-main/core/db/move-to-server'
import { openPostgresDatabase, type PostgresClinicDatabase } from '../../src-main/core/db/postgres'
import { startPostgresServer } from '../../tests/support/postgres-server'
import { stats, type Stats } from './measure'
import { seededRandom, type Random } from './rng'
import { seedClinic } from './seed'

const { values: args } = parseArgs({
  options: {
    workstations: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '300' },
    scale: { type: 'string', default: '0.1' },
    /** Time between a person's actions at 1× (ms); the run divides it by --speed. */
    'think-ms': { type: 'string', default: '4000' },
    speed: { type: 'string', default: '10' },
    out: { type: 'string' },
  },
})

const out = (s: string) => process.stdout.write(`${s}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Tally {
  samples: Record<string, number[]>
  conflicts: number
  errors: { op: string; code: string }[]
}

type Call = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; code?: string }>

/** One person at one workstation: an action, a pause, again, until the day is over. */
async function workstation(n: number, database: PostgresClinicDatabase, therapistId: number, patients: number[], exerciseId: number, until: number, tally: Tally, rnd: Random): Promise<void> {
  // Signed in as the therapist (no PIN typed: the sign-in's own cost is not what is measured).
  const { token } = await startSession(database.db, { db: database.db, actorId: therapistId, now: () => new Date() }, therapistId, `load-workstation-${n}`)
  const call: Call = async (method, input) => {
    const r = await dispatch({ db: database.db }, method, input, token)
    return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error.code }
  }
  const timed = async (op: string, fn: () => Promise<{ ok: boolean; code?: string }>) => {
    const t0 = performance.now()
    const r = await fn()
    const ms = performance.now() - t0
    if (r.ok) (tally.samples[op] ??= []).push(ms)
    else if (r.code === 'conflict') tally.conflicts++
    else tally.errors.push({ op, code: r.code ?? 'unknown' })
    return r
  }
  const pick = () => patients[Math.floor(rnd.next() * patients.length)]!
  const think = Number(args['think-ms']) / Number(args.speed)
  while (Date.now() < until) {
    const roll = rnd.next()
    const patientId = pick()
    if (roll < 0.3) {
      await timed('search', () => call('patients.search', { query: ['ko', 'sch', 'ma', 'ni', 'wó'][Math.floor(rnd.next() * 5)], pageSize: 50 }))
    } else if (roll < 0.55) {
      await timed('open a patient', async () => {
        const all = await Promise.all([call('patients.get', { id: patientId }), call('visits.list', { patientId }), call('programs.current', { patientId })])
        return all.find((r) => !r.ok) ?? { ok: true }
      })
    } else if (roll < 0.75) {
      await timed('record a visit', () =>
        call('visits.record', { patientId, therapistId, visitDate: localToday(), kind: 'follow_up', left: { footLengthMm: 240 + Math.round(rnd.next() * 30), archHeightMm: 55 + Math.round(rnd.next() * 15) }, right: { footLengthMm: 241, archHeightMm: 60 }, symptoms: { foot_heel: Math.floor(rnd.next() * 10) } }),
      )
    } else if (roll < 0.85) {
      // A dosage change on the patient's running program, based on the version just read.
      const current = (await call('programs.current', { patientId })).value as { id: number; version: number } | null
      if (current) await timed('change a program', () => call('programs.update', { programId: current.id, version: current.version, items: [{ exerciseId, sets: 3, reps: 8 + Math.floor(rnd.next() * 6) }], reason: 'Load run' }))
    } else if (roll < 0.95) {
      // One of three patients' notes, typed for a while (the form open) and saved, while another
      // workstation may be saving the same patient: the later save is refused (deliberate conflict).
      const p = (await call('patients.get', { id: patients[n % 3]! })).value as Record<string, unknown>
      await sleep(think * 2)
      await timed('edit a patient', () =>
        call('patients.update', { id: p.id, version: p.version, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, sex: p.sex, phone: p.phone, email: p.email, complaints: p.complaints, notes: `Workstation ${n}, ${new Date().toISOString()}` }),
      )
    } else {
      const current = (await call('programs.current', { patientId })).value as { id: number } | null
      if (current) await timed('print a handout', () => call('documents.handout', { programId: current.id }))
    }
    await sleep(think * (0.5 + rnd.next()))
  }
}

async function main(): Promise<void> {
  const count = Number(args.workstations)
  const seconds = Number(args.seconds)
  const dir = mkdtempSync(join(tmpdir(), 'footcore-load-'))
  const server = await startPostgresServer({ durable: true })
  try {
    const file = join(dir, 'footcore.sqlite')
    out(`Seeding a clinic at scale ${args.scale} and moving it to a throwaway PostgreSQL server …`)
    await seedClinic(file, { scale: Number(args.scale), seed: 20261130, today: localToday() })
    const url = await server.createDatabase('clinic')
    await moveClinicToServer(file, url)
    const stations = await Promise.all(Array.from({ length: count }, () => openPostgresDatabase(url)))
    const first = stations[0]!
    const therapists = (await first.db.selectFrom('therapists').select('id').where('active', '=', 1).execute()).map((t) => t.id)
    const patients = (await first.db.selectFrom('programs').select('patient_id').where('status', '=', 'active').limit(400).execute()).map((p) => p.patient_id)
    const exerciseId = (await first.db.selectFrom('exercises').select('id').orderBy('id').executeTakeFirstOrThrow()).id
    const tally: Tally = { samples: {}, conflicts: 0, errors: [] }
    const load = [loadavg()[0]!]
    out(`${count} workstations for ${seconds} s (a clinic day at ${args.speed}× speed) …`)
    const until = Date.now() + seconds * 1000
    await Promise.all(stations.map((s, i) => workstation(i, s, therapists[i % therapists.length]!, patients, exerciseId, until, tally, seededRandom(100 + i))))
    load.push(loadavg()[0]!)
    await Promise.all(stations.map((s) => s.close()))
    const rows: Record<string, Stats> = Object.fromEntries(Object.entries(tally.samples).map(([op, s]) => [op, stats(s)]))
    out('\n| operation | calls | p50 ms | p95 ms |')
    out('| --- | ---: | ---: | ---: |')
    for (const [op, s] of Object.entries(rows)) out(`| ${op} | ${s.runs} | ${s.p50Ms.toFixed(2)} | ${s.p95Ms.toFixed(2)} |`)
    out(`\nDeliberate conflicts (two saves on one version): ${tally.conflicts}; other errors: ${tally.errors.length}`)
    out(`Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; load average ${load.map((l) => l.toFixed(1)).join(' → ')}`)
    const file2 = resolve(args.out ?? join('bench-results', `load-postgres-${new Date().toISOString().replace(/[:.]/g, '')}.json`))
    mkdirSync(resolve(file2, '..'), { recursive: true })
    writeFileSync(file2, `${JSON.stringify({ at: new Date().toISOString(), workstations: count, seconds, speed: Number(args.speed), operations: rows, conflicts: tally.conflicts, errors: tally.errors, loadAverage: load }, null, 2)}\n`)
    out(`Results: ${file2}`)
    if (tally.errors.length > 0) process.exitCode = 1
  } finally {
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
