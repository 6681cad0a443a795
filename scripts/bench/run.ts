// `npm run bench`: seeds a large clinic, then times the hot operations through the real services and raw SQL,
// on the SQLite file (default) or on a PostgreSQL server the clinic was moved to (--database, --dialect postgres).
import { constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { compareFoot, baselineFor } from '@shared/calc/compare'
import { localToday } from '@shared/calc/dates'
import { PatientSearchInput } from '@shared/domain/patient'
import { VisitRecordInput } from '@shared/domain/visit'
import { openClinicDatabase, type ClinicDatabase, type DatabaseLocation } from '../../src-main/core/db/clinic-database'
import { openDatabase } from '../../src-main/core/db/connection'
import { moveClinicToServer } from '../../src-main/core/db/move-to-server'
import { createPostgresPool, describePostgresUrl, openPostgresDatabase, parsePostgresUrl } from '../../src-main/core/db/postgres'
import type { DB } from '../../src-main/core/db/schema'
import type { ServiceContext } from '../../src-main/core/services/context'
import { getPatient, searchPatients } from '../../src-main/core/services/patients'
import { currentProgram } from '../../src-main/core/services/programs'
import { dueReviews } from '../../src-main/core/services/reviews'
import { readSettings } from '../../src-main/core/services/settings'
import { listVisits, recordVisit } from '../../src-main/core/services/visits'
import { startPostgresServer, type PostgresServer } from '../../tests/support/postgres-server'
import { capturingKysely, capturingPostgresKysely, pgReplayer, rawReplayer, stats, timeOnce, type CapturedQuery, type Stats } from './measure'
import { SEARCH_PREFIXES } from './names'
import { seededRandom } from './rng'
import { seedClinic, type SeedSummary } from './seed'

const ROOT = resolve(__dirname, '../..')

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '20261126' },
    runs: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '50' },
    'open-runs': { type: 'string', default: '2' },
    'pdf-runs': { type: 'string', default: '15' },
    /** Write the seeded clinic here and keep it (for the Playwright timing); skips measuring with --seed-only. */
    db: { type: 'string' },
    /** postgres://…: an empty database the seeded clinic is moved to and measured on. */
    database: { type: 'string' },
    /** 'postgres' without --database: a throwaway server of its own (Debian's postgresql), stopped at the end. */
    dialect: { type: 'string', default: 'sqlite' },
    'seed-only': { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})

interface Row {
  key: string
  label: string
  targetMs: number | null
  /** Which percentile the target applies to. */
  targetOn: 'p50' | 'p95'
  service: Stats | null
  raw: Stats | null
  ratioP50: number | null
  /** SQL statements one call runs (begin/commit included), and the layers' cost per statement. */
  queriesPerCall: number | null
  overheadPerQueryUs: number | null
  note: string
}

interface Documents {
  buildHandout(ctx: ServiceContext, input: { programId: number }): Promise<Buffer>
  buildProgressReport(ctx: ServiceContext, input: { patientId: number; programId?: number | null }): Promise<Buffer>
}

const out = (s: string) => process.stdout.write(`${s}\n`)

async function main(): Promise<void> {
  if (args.help) {
    out('Usage: npm run bench -- [--scale 1] [--runs 300] [--warmup 50] [--seed N] [--db file.sqlite] [--seed-only] [--out bench-results/x.json]')
    out('                         [--database postgres://user:password@host:5432/empty_db | --dialect postgres]')
    return
  }
  const dialect = args.database !== undefined ? 'postgres' : args.dialect
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('--dialect is sqlite or postgres')
  if (args.database !== undefined) parsePostgresUrl(args.database)
  const scale = Number(args.scale)
  const runs = Number(args.runs)
  const warmup = Number(args.warmup)
  if (!(scale > 0) || !(runs > 0) || !(warmup >= 0)) throw new Error('--scale and --runs must be positive numbers')
  const startedAt = new Date()
  const today = localToday(startedAt)

  const dir = args.db ? null : mkdtempSync(join(tmpdir(), 'footcore-bench-'))
  const file = args.db ? resolve(args.db) : join(dir!, 'footcore.sqlite')
  if (args.db) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  out(`Seeding a clinic at scale ${scale} into ${file} …`)
  const seed = await seedClinic(file, { scale, seed: Number(args.seed), today })
  out(
    `  ${seed.patients} patients, ${seed.visits} visits (${seed.measurements} foot measurements, ${seed.symptomScores} pain scores), ` +
      `${seed.programs} programs (${seed.activePrograms} active), ${seed.auditRows} audit rows; ${(seed.fileBytes / 1e6).toFixed(0)} MB in ${(seed.seedMs / 1000).toFixed(1)} s`,
  )
  if (args['seed-only']) return

  let server: PostgresServer | null = null
  // Ctrl-C must not leave a server running (and a copy of the clinic in /tmp) behind.
  const stopServer = () => server?.stop()
  const onSignal = () => {
    stopServer()
    if (dir) rmSync(dir, { recursive: true, force: true })
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    let location: DatabaseLocation = { kind: 'sqlite', file }
    let move: MoveTiming | null = null
    if (dialect === 'postgres') {
      if (args.database === undefined) {
        out('Starting a throwaway PostgreSQL server (fsync on, as a clinic server runs) …')
        server = await startPostgresServer({ durable: true })
      }
      const url = args.database ?? (await server!.createDatabase('footcore_bench'))
      move = await moveToServer(file, url)
      location = { kind: 'postgres', url }
    }
    const rows = await measureAll(location, seed, runs, warmup, today)
    printTable(rows)
    const m = await machine(file, location)
    out(`\nMachine: ${m.cpuModel}, ${m.cores} cores, Node ${m.node}, SQLite ${m.sqlite}${m.postgres ? `, PostgreSQL ${m.postgres.version} (${m.postgres.settings})` : ''}; load average ${m.loadAverage.join(' / ')} (1/5/15 min)`)
    if (move) out(`Move to the server: ${move.rows.toLocaleString('en')} rows in ${move.tables.length} tables, ${(move.ms / 1000).toFixed(1)} s (checksums equal); then VACUUM ANALYZE + checkpoint ${(move.vacuumMs / 1000).toFixed(1)} s`)
    const result = {
      startedAt: startedAt.toISOString(),
      command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ').replace(/(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/, '$1***@'),
      dialect,
      machine: m,
      clinic: seed,
      move,
      runs,
      warmup,
      rows,
    }
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
    const target = args.out ? resolve(args.out) : join(ROOT, 'bench-results', `bench-${dialect}-${stamp}.json`)
    for (const folder of [resolve(target, '..'), join(ROOT, 'bench-results')]) mkdirSync(folder, { recursive: true })
    writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`)
    writeFileSync(join(ROOT, 'bench-results', `latest-${dialect}.json`), `${JSON.stringify(result, null, 2)}\n`)
    out(`\nResults: ${target} (and bench-results/latest-${dialect}.json)`)
  } finally {
    stopServer()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

interface MoveTiming {
  where: string
  rows: number
  tables: { name: string; rows: number }[]
  ms: number
  vacuumMs: number
}

/** The Settings action "Move this clinic's records to a database server", timed, then VACUUM ANALYZE. */
async function moveToServer(file: string, url: string): Promise<MoveTiming> {
  const where = describePostgresUrl(parsePostgresUrl(url))
  out(`Moving the clinic to ${where} (moveClinicToServer) …`)
  const moved = await moveClinicToServer(file, url, (line) => out(`  ${line}`))
  const rows = moved.tables.reduce((n, t) => n + t.rows, 0)
  out(`  ${rows.toLocaleString('en')} rows in ${(moved.ms / 1000).toFixed(1)} s`)
  // Two million fresh rows have no statistics and no visibility map, and every first read of a row
  // writes its page again (hint bits). Autovacuum sorts that out within minutes, in the middle of
  // the measurements if left to it; a server in use has long done so. So: VACUUM ANALYZE and a
  // checkpoint now, and the measurements see the steady state.
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const t0 = performance.now()
  try {
    await client.query('vacuum (analyze)')
    // Needs a superuser (or pg_checkpoint); on a server the bench may not own, its own checkpoints apply.
    await client.query('checkpoint').catch(() => undefined)
  } finally {
    await client.end()
  }
  return { where, rows, tables: moved.tables.map((t) => ({ name: t.name, rows: t.rows })), ms: moved.ms, vacuumMs: performance.now() - t0 }
}

async function machine(file: string, location: DatabaseLocation) {
  const cpu = cpus()
  let postgres: { version: string; settings: string } | null = null
  if (location.kind === 'postgres') {
    const client = new pg.Client({ connectionString: location.url })
    await client.connect()
    try {
      const show = async (name: string) => (await client.query<Record<string, string>>(`show ${name}`)).rows[0]![name]!
      const settings: string[] = []
      for (const name of ['fsync', 'synchronous_commit', 'shared_buffers']) settings.push(`${name}=${await show(name)}`)
      postgres = { version: await show('server_version'), settings: settings.join(', ') }
    } finally {
      await client.end()
    }
  }
  return {
    postgres,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1e9),
    /** Other work on the machine while measuring (1, 5, 15 minutes); a busy 2-core machine inflates every number. */
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    node: process.version,
    platform: `${platform()} ${release()}`,
    sqlite: (new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }).v,
    databaseFolder: location.kind === 'sqlite' ? file.replace(/[^/]*$/, '') : describePostgresUrl(parsePostgresUrl(location.url)),
  }
}

async function loadDocuments(): Promise<Documents | null> {
  const path = join(ROOT, 'src-main/core/services/documents.ts')
  if (!existsSync(path)) return null
  const mod = (await import(path)) as Partial<Documents>
  return typeof mod.buildHandout === 'function' && typeof mod.buildProgressReport === 'function' ? (mod as Documents) : null
}

/** Times `service` and `raw` alternately on the same inputs, after a warm-up of both. */
async function compare(
  inputs: number,
  runs: number,
  warmup: number,
  service: (i: number) => Promise<unknown>,
  raw: ((i: number) => unknown) | null,
): Promise<{ service: Stats; raw: Stats | null }> {
  for (let i = 0; i < warmup; i++) {
    await service(i % inputs)
    if (raw) raw(i % inputs)
  }
  const s: number[] = []
  const r: number[] = []
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first: the second one finds the pages the first just read in SQLite's cache.
    if (raw && i % 2 === 1) r.push(await timeOnce(() => raw(i % inputs)))
    s.push(await timeOnce(() => service(i % inputs)))
    if (raw && i % 2 === 0) r.push(await timeOnce(() => raw(i % inputs)))
  }
  return { service: stats(s), raw: raw ? stats(r) : null }
}

/** What differs per dialect while measuring: the capturing Kysely and the raw replay of its SQL. */
interface Bench {
  database: ClinicDatabase
  capture: { db: Kysely<DB>; take(): CapturedQuery[] }
  replayer(queries: CapturedQuery[], rowId?: { captured: number }): () => unknown
  close(): Promise<void>
}

async function openBench(location: DatabaseLocation): Promise<Bench> {
  const database = await openClinicDatabase(location)
  if (database.dialect === 'sqlite') {
    return { database, capture: capturingKysely(database.sqlite), replayer: (q, rowId) => rawReplayer(database.sqlite, q, rowId), close: () => database.close() }
  }
  // Pools of their own (as large as the app's), so the raw side never waits for the app's connections.
  const url = (location as { url: string }).url
  const capturePool = createPostgresPool(url)
  const rawPool = createPostgresPool(url)
  const capture = capturingPostgresKysely(capturePool)
  return {
    database,
    capture,
    replayer: (q, rowId) => pgReplayer(rawPool, q, rowId),
    async close() {
      await capture.db.destroy()
      await rawPool.end()
      await database.close()
    },
  }
}

async function measureAll(location: DatabaseLocation, seed: SeedSummary, runs: number, warmup: number, today: string): Promise<Row[]> {
  const onPostgres = location.kind === 'postgres'
  /** Targets of issue 9: over loopback to PostgreSQL a query pays a round trip SQLite does not. */
  const target = (sqliteMs: number, postgresMs: number) => (onPostgres ? postgresMs : sqliteMs)
  const rows: Row[] = []
  let queries: number | null = null
  const row = (key: string, label: string, targetMs: number | null, targetOn: 'p50' | 'p95', m: { service: Stats | null; raw: Stats | null }, note = ''): void => {
    const perQuery = m.service && m.raw && queries ? ((m.service.p50Ms - m.raw.p50Ms) * 1000) / queries : null
    rows.push({ key, label, targetMs, targetOn, ...m, ratioP50: m.service && m.raw ? m.service.p50Ms / m.raw.p50Ms : null, queriesPerCall: m.raw ? queries : null, overheadPerQueryUs: perQuery, note })
    queries = null
    out(`  measured ${label}`)
  }

  const openRuns = Number(args['open-runs'])
  if (location.kind === 'sqlite') {
    const file = location.file
    // Start-up first, on a file nobody has open, as the app finds it after a restart.
    // No warm-up and few runs: the file was just written (it is in the OS cache), and each run reads all of it.
    const open = await compare(1, openRuns, 0, async () => (await openDatabase(file)).close(), null)
    row('startup.open', "Start-up: openDatabase({ integrityCheck: 'at_open' }) (copy + integrity_check + schema check + pragmas)", null, 'p95', open, 'what files up to 32 MB get; the parts below add up to it')
    const parts: [string, string, () => void][] = [
      ['startup.part.copy', 'Start-up part: private copy of the file (copyFileSync)', () => rmSync(resolve(copyAside(file), '..'), { recursive: true, force: true })],
      ['startup.part.integrity_check', 'Start-up part: PRAGMA integrity_check alone', () => check(file, 'integrity_check')],
      ['startup.part.quick_check', 'Start-up part: PRAGMA quick_check alone', () => check(file, 'quick_check')],
      ['startup.part.no_check', 'Start-up without a whole-file check (schema check + pragmas)', () => rawOpen(file)],
    ]
    for (const [key, label, fn] of parts) row(key, label, null, 'p95', await compare(1, openRuns, 0, async () => fn(), null))
    // The app's start-up ('auto'): at this size, schema check at open and the whole-file check in a worker right after.
    const backgroundOpen: number[] = []
    const backgroundCheck: number[] = []
    for (let i = 0; i < openRuns; i++) {
      const t0 = performance.now()
      const d = await openDatabase(file, { integrityCheck: 'auto' })
      const openMs = performance.now() - t0
      await d.close()
      backgroundOpen.push(openMs)
      // A small clinic (--scale) is checked before open: there is no background check to wait for.
      if (!d.integrity) continue
      const check = await d.integrity
      if (!check.ok) throw new Error(`the seeded clinic failed its integrity check: ${check.detail}`)
      backgroundCheck.push(check.ms)
    }
    row('startup.open_in_background', "Start-up as the app opens it: openDatabase({ integrityCheck: 'auto' })", 300, 'p95', { service: stats(backgroundOpen), raw: null }, 'schema check + pragmas; the app can show the patients list now')
    row('startup.background_check', '  … its integrity_check in a worker thread (answer after)', null, 'p95', { service: stats(backgroundCheck), raw: null }, 'the main thread stays free meanwhile')
  } else {
    // The PostgreSQL twin of the start-up check: connect, server version, schema version, migrator.
    const url = location.url
    row('startup.open', 'Start-up: openPostgresDatabase (connect + server and schema check + migrator)', 300, 'p95', await compare(1, Math.max(5, openRuns), 1, async () => (await openPostgresDatabase(url)).close(), null), 'no whole-file integrity check on a server: its own checksums and backups apply')
  }

  const bench = await openBench(location)
  try {
    const { database, capture } = bench
    const ctx: ServiceContext = { db: database.db, actorId: 1, now: () => new Date() }
    const captureCtx: ServiceContext = { ...ctx, db: capture.db }
    const rnd = seededRandom(7)
    const patientIds = Array.from({ length: 200 }, () => rnd.int(1, seed.patients))
    const settings = await readSettings(database.db)

    // Each input is run once through the capturing Kysely, so the raw replay runs exactly its SQL.
    const captureAll = async <T>(inputs: T[], run: (c: ServiceContext, input: T) => Promise<unknown>) => {
      const captured: CapturedQuery[][] = []
      for (const input of inputs) {
        await run(captureCtx, input)
        captured.push(capture.take())
      }
      queries = captured.reduce((a, q) => a + q.length, 0) / captured.length
      return captured.map((q) => bench.replayer(q))
    }

    const byName = SEARCH_PREFIXES.map((query) => PatientSearchInput.parse({ query }))
    const rawByName = await captureAll(byName, searchPatients)
    row(
      'search.last_name_prefix',
      'Search: last-name prefix, first page',
      target(5, 8),
      'p95',
      await compare(byName.length, runs, warmup, (i) => searchPatients(ctx, byName[i]!), (i) => rawByName[i]!()),
      `prefixes: ${SEARCH_PREFIXES.join(' ')}`,
    )

    const dobs = (await sql<{ d: string }>`select date_of_birth as d from patients where id in (${sql.join(patientIds.slice(0, 50))}) order by id`.execute(database.db)).rows.map((r) => r.d)
    const byDob = dobs.map((dateOfBirth) => PatientSearchInput.parse({ dateOfBirth }))
    const rawByDob = await captureAll(byDob, searchPatients)
    row(
      'search.date_of_birth',
      'Search: date of birth, first page',
      target(5, 8),
      'p95',
      await compare(byDob.length, runs, warmup, (i) => searchPatients(ctx, byDob[i]!), (i) => rawByDob[i]!()),
    )

    const browse = [PatientSearchInput.parse({})]
    const rawBrowse = await captureAll(browse, searchPatients)
    row(
      'search.all_first_page',
      'Patients list: no filter, first page (what the list shows on opening)',
      target(5, 8),
      'p95',
      await compare(1, runs, warmup, () => searchPatients(ctx, browse[0]!), () => rawBrowse[0]!()),
    )

    const openPatient = async (c: ServiceContext, id: number) => {
      const [patient, visits, program] = await Promise.all([getPatient(c, { id }), listVisits(c, { patientId: id }), currentProgram(c, { patientId: id })])
      // Changes since baseline for every visit, as the measurements tab shows them.
      const changes = visits.map((v) => {
        const b = baselineFor(visits, v)
        return { left: compareFoot(b?.left ?? null, v.left, settings), right: compareFoot(b?.right ?? null, v.right, settings) }
      })
      return { patient, visits, program, changes }
    }
    const rawOpenPatient = await captureAll(patientIds, openPatient)
    row(
      'patient.open',
      'Open a patient: patient + all visits with changes since baseline + current program',
      target(5, 8),
      'p95',
      await compare(patientIds.length, runs, warmup, (i) => openPatient(ctx, patientIds[i]!), (i) => rawOpenPatient[i]!()),
      'raw replays the SQL only; the service also maps rows and computes the changes',
    )

    const visitInput = (patientId: number) =>
      VisitRecordInput.parse({
        patientId,
        visitDate: today,
        therapistId: 1 + (patientId % seed.therapists),
        kind: 'follow_up',
        left: { footLengthMm: 251.4, truncatedFootLengthMm: 183.2, archHeightMm: 64.1, navicularSittingMm: 44.2, navicularStandingMm: 37.9 },
        right: { footLengthMm: 252.0, truncatedFootLengthMm: 183.9, archHeightMm: 63.5, navicularSittingMm: 43.8, navicularStandingMm: 37.1 },
        symptoms: { foot_heel: 3, knee: 1, low_back: 2, neck: 0, headache: 1 },
        headacheDays: 2,
        notes: 'Short-foot in standing now; keep towel curls daily.',
      })
    // Inputs are parsed before timing: the router validates them, the service does not.
    const visitInputs = patientIds.map(visitInput)
    // One capture per patient, as for the reads: the raw side writes next to the same rows (the same
    // index pages) as the service, not always next to the first patient's.
    const rawRecord: (() => unknown)[] = []
    let recordQueries = 0
    for (const input of visitInputs) {
      const captured = await recordVisit(captureCtx, input)
      const q = capture.take()
      recordQueries += q.length
      rawRecord.push(bench.replayer(q, { captured: captured.id }))
    }
    queries = recordQueries / visitInputs.length
    const durability = onPostgres ? `fsync=${await show(database.db, 'fsync')}, synchronous_commit=${await show(database.db, 'synchronous_commit')}` : 'synchronous=FULL'
    row(
      'visit.record',
      `Record a visit: both feet + 5 pain scores, one transaction (${durability})`,
      target(5, 8),
      'p95',
      await compare(patientIds.length, runs, warmup, (i) => recordVisit(ctx, visitInputs[i]!), (i) => rawRecord[i]!()),
    )

    if (database.dialect === 'sqlite') {
      // What the commit's fsync costs: the same replay with synchronous=NORMAL (WAL: no fsync per commit).
      const sqlite = database.sqlite
      sqlite.pragma('synchronous = normal')
      const normal = await compare(1, Math.min(runs, 100), 10, async () => rawRecord[0]!(), null)
      sqlite.pragma('synchronous = full')
      row('visit.record.sync_normal', 'Record a visit, raw SQL, synchronous=NORMAL (for comparison only)', null, 'p95', normal, 'the app uses FULL; this row shows the cost of the fsync per commit')
    }

    const due = [{ withinDays: 14 }]
    const rawDue = await captureAll(due, dueReviews)
    const dueCount = (await dueReviews(ctx, due[0]!)).length
    row(
      'reviews.due_14_days',
      'Due reviews: next 14 days (and overdue)',
      target(20, 25),
      'p95',
      await compare(1, Math.min(runs, 150), Math.min(warmup, 20), () => dueReviews(ctx, due[0]!), () => rawDue[0]!()),
      `${dueCount} programs listed`,
    )

    const documents = await loadDocuments()
    const pdfRuns = Number(args['pdf-runs'])
    if (documents) {
      const { id: handoutProgram } = await database.db.selectFrom('programs').select('id').where('status', '=', 'active').orderBy('id').limit(1).executeTakeFirstOrThrow()
      row(
        'pdf.handout',
        'Handout PDF (buildHandout)',
        300,
        'p95',
        await compare(1, pdfRuns, 3, () => documents.buildHandout(ctx, { programId: handoutProgram }), null),
      )
      row(
        'pdf.progress_report',
        `Progress report PDF, ${seed.reportVisits} visits (buildProgressReport)`,
        500,
        'p95',
        await compare(1, pdfRuns, 3, () => documents.buildProgressReport(ctx, { patientId: seed.reportPatientId, programId: seed.reportProgramId }), null),
      )
    } else {
      row('pdf.handout', 'Handout PDF', 300, 'p95', { service: null, raw: null }, 'not available yet (src-main/core/services/documents.ts missing)')
      row('pdf.progress_report', 'Progress report PDF (30 visits)', 500, 'p95', { service: null, raw: null }, 'not available yet')
    }
  } finally {
    await bench.close()
  }
  return rows
}

async function show(db: Kysely<DB>, setting: 'fsync' | 'synchronous_commit'): Promise<string> {
  return (await sql<Record<string, string>>`${sql.raw(`show ${setting}`)}`.execute(db)).rows[0]![setting]!
}

/** openDatabase without the whole-file check, on plain better-sqlite3: the migration list and the pragmas. */
function rawOpen(file: string): void {
  const ro = new Database(file, { readonly: true, fileMustExist: true })
  ro.prepare('select name from kysely_migration order by name').all()
  ro.close()
  const rw = new Database(file)
  for (const p of ['journal_mode = wal', 'foreign_keys = 1', 'synchronous = 2', 'busy_timeout = 5000']) rw.pragma(p)
  rw.close()
}

function copyAside(file: string): string {
  const folder = mkdtempSync(join(resolve(file, '..'), '.bench-copy-'))
  const copy = join(folder, 'copy.sqlite')
  copyFileSync(file, copy, constants.COPYFILE_FICLONE)
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`, constants.COPYFILE_FICLONE)
  return copy
}

function check(file: string, pragma: 'integrity_check' | 'quick_check'): void {
  const ro = new Database(file, { readonly: true, fileMustExist: true })
  ro.pragma(pragma, { simple: true })
  ro.close()
}

const ms = (v: number | undefined | null) => (v === undefined || v === null || Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0))

function printTable(rows: Row[]): void {
  const header = ['operation', 'p50 ms', 'p95 ms', 'target', 'met', 'raw p50', 'raw p95', 'svc/raw', 'SQL/call', 'µs/stmt', 'runs']
  const lines = rows.map((r) => {
    const value = r.service ? (r.targetOn === 'p95' ? r.service.p95Ms : r.service.p50Ms) : null
    const met = r.targetMs === null || value === null ? '' : value < r.targetMs ? 'yes' : 'NO'
    const ratioMet = r.ratioP50 === null ? '' : r.ratioP50 < 2 ? '' : ' (ratio NO)'
    return [
      r.label,
      ms(r.service?.p50Ms),
      ms(r.service?.p95Ms),
      r.targetMs === null ? '' : `< ${r.targetMs}`,
      met + ratioMet,
      ms(r.raw?.p50Ms),
      ms(r.raw?.p95Ms),
      r.ratioP50 === null ? '' : r.ratioP50.toFixed(2),
      r.queriesPerCall === null ? '' : r.queriesPerCall.toFixed(r.queriesPerCall % 1 === 0 ? 0 : 1),
      r.overheadPerQueryUs === null ? '' : r.overheadPerQueryUs.toFixed(0),
      String(r.service?.runs ?? ''),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  out('')
  out(fmt(header))
  out(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
  for (const l of lines) out(fmt(l))
  for (const r of rows) if (r.note) out(`  ${r.key}: ${r.note}`)
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
