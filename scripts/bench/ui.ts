// `npm run bench:ui`: the renderer on a 20,000-patient clinic in Chromium, and the bundle size.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { chromium, type Page } from '@playwright/test'
import { localToday } from '@shared/calc/dates'
import { nameSearchKey } from '@shared/domain/names'
import playwrightConfig from '../../playwright.config'
import { stats, type Stats } from './measure'
import { seedClinic } from './seed'
import { shellUrl } from '../../tests/support/browser-shell'

const ROOT = resolve(__dirname, '../..')
const OUT_DIR = 'out-perf'
const PAGE_ROWS = 50

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '8' },
    'skip-build': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
})

const out = (s: string) => process.stdout.write(`${s}\n`)

// In-page code is passed as text: tsx wraps named functions in a helper the page does not have.
const untilRowsShown = (rows: number) =>
  `new Promise((done) => { const tick = () => { const t = document.querySelector('table[aria-label="Patients"]');` +
  ` if (t && t.querySelectorAll('tbody tr').length >= ${rows}) done(performance.now()); else requestAnimationFrame(tick) }; tick() })`
const untilStatusShown = (text: string) =>
  `new Promise((done) => { const tick = () => { if ([...document.querySelectorAll('[aria-live="polite"]')].some((e) => e.textContent === ${JSON.stringify(text)}))` +
  ` done(performance.now()); else requestAnimationFrame(tick) }; tick() })`

interface Asset {
  file: string
  bytes: number
  gzipBytes: number
}

function bundleSize(): { assets: Asset[]; totalBytes: number; totalGzipBytes: number; jsBytes: number; jsGzipBytes: number } {
  const dir = join(ROOT, OUT_DIR, 'renderer/assets')
  const assets = readdirSync(dir)
    .map((file) => {
      const data = readFileSync(join(dir, file))
      return { file, bytes: data.length, gzipBytes: gzipSync(data).length }
    })
    .sort((a, b) => b.bytes - a.bytes)
  const sum = (list: Asset[], k: 'bytes' | 'gzipBytes') => list.reduce((a, b) => a + b[k], 0)
  const js = assets.filter((a) => a.file.endsWith('.js'))
  return { assets, totalBytes: sum(assets, 'bytes'), totalGzipBytes: sum(assets, 'gzipBytes'), jsBytes: sum(js, 'bytes'), jsGzipBytes: sum(js, 'gzipBytes') }
}

/** Starts the built browser shell on `file`; the start-up time includes openDatabase on the big file. */
async function startShell(file: string): Promise<{ url: string; child: ChildProcess; startupMs: number }> {
  const t0 = performance.now()
  const child = spawn(process.execPath, [join(ROOT, OUT_DIR, 'main/browser-shell.js'), '--port', '0', '--db', file], {
    cwd: ROOT,
    env: { ...process.env, FOOTCORE_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Opening a 300 MB clinic can take a while on a busy machine.
  const url = await shellUrl(child, 240_000)
  return { url, child, startupMs: performance.now() - t0 }
}

interface ListTiming {
  renderedMs: number
  domContentLoadedMs: number
  scriptLoadedMs: number
  searchAnsweredMs: number
}

const NAVIGATION_TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0]
  const res = performance.getEntriesByType('resource')
  const end = (f) => Math.max(0, ...res.filter((r) => f(r.name)).map((r) => r.responseEnd))
  return { domContentLoadedMs: nav.domContentLoadedEventEnd, scriptLoadedMs: end((n) => n.endsWith('.js')), searchAnsweredMs: end((n) => n.includes('/api/patients.search')) }
})()`

/** A fresh page load: ms from navigation start until the first page of the patients table is in the DOM. */
async function listRendered(page: Page, url: string): Promise<ListTiming> {
  await page.goto(url, { waitUntil: 'commit' })
  const renderedMs = (await page.evaluate(untilRowsShown(PAGE_ROWS))) as number
  // The same thing as a user sees it, through roles: a table named Patients with its rows.
  await page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(PAGE_ROWS).waitFor()
  return { renderedMs, ...((await page.evaluate(NAVIGATION_TIMING)) as Omit<ListTiming, 'renderedMs'>) }
}

/** Types `prefix` like a person (100 ms between keys); ms from the last key-up to the matching rows shown. */
async function searchShown(page: Page, prefix: string, expectedTotal: number, everyone: number): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Search by name' })
  await box.fill('')
  await page.evaluate(untilStatusShown(`${everyone} patients`))
  await page.evaluate(`window.lastKeyUp = 0; document.addEventListener('keyup', () => { window.lastKeyUp = performance.now() }, { capture: true })`)
  await box.pressSequentially(prefix, { delay: 100 })
  const label = expectedTotal === 1 ? '1 patient' : `${expectedTotal} patients`
  const shownAt = (await page.evaluate(untilStatusShown(label))) as number
  const lastKeyUp = (await page.evaluate('window.lastKeyUp')) as number
  return shownAt - lastKeyUp
}

async function main(): Promise<void> {
  const runs = Number(args.runs)
  const startedAt = new Date()
  let dir: string | null = null
  let file = args.db ? resolve(args.db) : ''
  if (!args.db || !existsSync(file)) {
    if (!args.db) {
      dir = mkdtempSync(join(tmpdir(), 'footcore-bench-ui-'))
      file = join(dir, 'footcore.sqlite')
    }
    mkdirSync(resolve(file, '..'), { recursive: true })
    out(`Seeding a clinic at scale ${args.scale} into ${file} …`)
    const seed = await seedClinic(file, { scale: Number(args.scale), seed: 20261126, today: localToday(startedAt) })
    out(`  ${seed.patients} patients, ${seed.visits} visits, ${(seed.fileBytes / 1e6).toFixed(0)} MB`)
  }
  const sqlite = new Database(file, { readonly: true })
  const patients = sqlite.prepare('select count(*) from patients where archived_at is null').pluck().get() as number
  const prefixes = ['sch', 'mül', 'kow', 'gar', "o'b", 'nguy', 'lu', 'dvo']
  const totals = prefixes.map((p) => {
    const k = nameSearchKey(p)
    return sqlite
      .prepare('select count(*) from patients where archived_at is null and ((last_name_key >= ? and last_name_key < ?) or (first_name_key >= ? and first_name_key < ?))')
      .pluck()
      .get(k, `${k}\uffff`, k, `${k}\uffff`) as number
  })
  sqlite.close()

  if (!args['skip-build']) {
    out(`Building the production renderer into ${OUT_DIR} …`)
    // An absolute folder: electron-vite resolves a relative one against each part's root (src-renderer for the renderer).
    execFileSync('npx', ['electron-vite', 'build', '--outDir', join(ROOT, OUT_DIR)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const bundle = bundleSize()
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true })

  out('Starting the browser shell on the clinic …')
  const shell = await startShell(file)
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true })
  const list: ListTiming[] = []
  const search: number[] = []
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    // A new page per run, so each is a full load (the shell sends no-store) as when the app starts.
    for (let i = -1; i < runs; i++) {
      const fresh = await context.newPage()
      const t = await listRendered(fresh, `${shell.url}#/patients`)
      if (i >= 0) list.push(t) // run -1 warms the OS file cache and the server's statement cache
      await fresh.close()
    }
    const page = await context.newPage()
    await listRendered(page, `${shell.url}#/patients`)
    for (let i = 0; i < Math.max(runs, prefixes.length); i++) {
      const k = i % prefixes.length
      search.push(await searchShown(page, prefixes[k]!, totals[k]!, patients))
    }
    await page.screenshot({ path: join(ROOT, 'bench-results', 'ui-search.png') })
    await context.close()
  } finally {
    await browser.close()
    shell.child.kill('SIGTERM')
    if (dir) rmSync(dir, { recursive: true, force: true })
  }

  const rows: { key: string; label: string; targetMs: number; stats: Stats }[] = [
    { key: 'ui.list_rendered', label: `Navigation → patients list rendered (${PAGE_ROWS} rows of ${patients})`, targetMs: 1500, stats: stats(list.map((t) => t.renderedMs)) },
    { key: 'ui.search_shown', label: 'Last keystroke → search results shown (150 ms debounce included)', targetMs: 200, stats: stats(search) },
  ]
  out('')
  out('| measurement | p50 ms | p95 ms | target | met | runs |')
  out('|---|---:|---:|---:|---|---:|')
  for (const r of rows) out(`| ${r.label} | ${r.stats.p50Ms.toFixed(0)} | ${r.stats.p95Ms.toFixed(0)} | < ${r.targetMs} (p95) | ${r.stats.p95Ms < r.targetMs ? 'yes' : 'NO'} | ${r.stats.runs} |`)
  const p50 = (k: keyof ListTiming) => stats(list.map((t) => t[k])).p50Ms.toFixed(0)
  out(`List load, p50 from navigation start: DOMContentLoaded ${p50('domContentLoadedMs')} ms, scripts loaded ${p50('scriptLoadedMs')} ms, search answered ${p50('searchAnsweredMs')} ms, rows rendered ${p50('renderedMs')} ms`)
  out(`Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, load average (1 min) ${loadavg()[0]!.toFixed(1)} at the end`)
  out(`\nBrowser shell start-up on this file (process start → listening, includes openDatabase): ${(shell.startupMs / 1000).toFixed(1)} s`)
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`
  out(`Renderer bundle (${OUT_DIR}/renderer/assets): ${kb(bundle.totalBytes)} raw, ${kb(bundle.totalGzipBytes)} gzip; JavaScript ${kb(bundle.jsBytes)} raw, ${kb(bundle.jsGzipBytes)} gzip`)
  for (const a of bundle.assets) out(`  ${a.file}: ${kb(a.bytes)} raw, ${kb(a.gzipBytes)} gzip`)

  const result = {
    startedAt: startedAt.toISOString(),
    command: ['npm run bench:ui', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    machine: { cpuModel: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, browser: browser.version(), loadAverage1m: loadavg()[0] },
    patients,
    shellStartupMs: shell.startupMs,
    rows,
    listTimings: list,
    bundle,
  }
  const target = args.out ? resolve(args.out) : join(ROOT, 'bench-results', `ui-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  mkdirSync(resolve(target, '..'), { recursive: true })
  writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`)
  writeFileSync(join(ROOT, 'bench-results', 'latest-ui.json'), `${JSON.stringify(result, null, 2)}\n`)
  out(`\nResults: ${target}`)
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:ui failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
