// `npm run audit:electron`: Doyensec's Electronegativity over the app's sources, with SARIF output.
// The tool always exits 0, so this script reads its findings and fails on any HIGH or MEDIUM one
// that .electronegativity-allowlist.json does not explain (check id + file + reason).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { tsImport } from 'tsx/esm/api'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const outDir = join(root, 'test-results', 'electronegativity')
const stage = join(outDir, 'app')
const sarifFile = join(outDir, 'electronegativity.sarif')
const allowlistFile = join(root, '.electronegativity-allowlist.json')
const GATING = new Set(['HIGH', 'MEDIUM'])
// Looks up Electron's release notes on GitHub: the build machines have no internet, and npm audit
// covers Electron's advisories anyway.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

/** The app as the tool should see it: main, preload, renderer and shared code, in one folder. */
function stageSources() {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  for (const dir of ['src-main', 'src-renderer', 'src-shared']) cpSync(join(root, dir), join(stage, dir), { recursive: true })
  cpSync(join(root, 'package.json'), join(stage, 'package.json'))
}

/**
 * The CSP is one constant (src-main/core/security.ts) that main puts on every app:// response;
 * the tool only reads CSPs written out literally, so the real one is handed to it as a meta tag.
 */
async function stageCsp() {
  const { CONTENT_SECURITY_POLICY } = await tsImport(join(root, 'src-main/core/security.ts'), import.meta.url)
  const html = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head><body></body></html>\n`
  writeFileSync(join(stage, 'src-main', 'csp-as-sent.html'), html)
}

/**
 * One scan through the tool's own runner (the code behind its CLI, with the options of
 * `electronegativity -i <dir> -o <file>.sarif -r -e <version> -x <checks>`): it writes the SARIF
 * and also hands back each finding's severity, which its SARIF does not carry.
 */
async function scan() {
  const runner = require('@doyensec/electronegativity/dist/runner.js')
  const run = typeof runner === 'function' ? runner : runner.default
  process.env.LANG = 'en-US'
  const { issues, errors } = await run(
    {
      input: stage,
      output: sarifFile,
      isSarif: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: require('electron/package.json').version,
      parserPlugins: [],
    },
    false,
  )
  // The runner starts writing the SARIF file without waiting for it; wait until it is complete.
  for (let i = 0; i < 200; i++) {
    try {
      return { issues, errors, sarif: JSON.parse(readFileSync(sarifFile, 'utf8')) }
    } catch {
      await new Promise((ok) => setTimeout(ok, 50))
    }
  }
  throw new Error(`Electronegativity wrote no readable ${sarifFile}`)
}

const keyOf = (check, file, line, column) => `${check}|${file}|${line}|${column}`

async function main() {
  stageSources()
  await stageCsp()
  const { issues, errors, sarif } = await scan()

  const severities = new Map()
  for (const i of issues) {
    // SARIF counts lines from 1 (0 becomes 1) and columns from 1.
    const line = i.location?.line ? i.location.line : 1
    severities.set(keyOf(i.id, i.file, line, (i.location?.column ?? 0) + 1), { severity: i.severity.name, confidence: i.confidence.name })
  }
  const findings = sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const loc = r.locations?.[0]?.physicalLocation
      const uri = loc?.artifactLocation?.uri ?? 'N/A'
      const file = uri === 'file:///' ? 'N/A' : uri
      const line = loc?.region?.startLine ?? 1
      const column = loc?.region?.startColumn ?? 1
      // A finding that cannot be matched to its severity counts as HIGH: unknown never passes.
      const meta = severities.get(keyOf(r.ruleId, file, line, column)) ?? { severity: 'HIGH', confidence: 'UNKNOWN' }
      return { check: r.ruleId, file, line, message: r.message?.text ?? '', ...meta }
    }),
  )

  const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8')).entries
  for (const entry of allowlist) {
    if (!entry.check || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`Allowlist entry needs check, file and a real reason: ${JSON.stringify(entry)}`)
    }
  }
  const explained = (f) => allowlist.find((a) => a.check === f.check && a.file === f.file)

  let failures = 0
  console.log(`Electronegativity: ${findings.length} finding(s) in src-main, src-renderer, src-shared (SARIF: ${sarifFile})`)
  for (const e of errors) {
    if (!e.tolerable) failures++
    console.log(`${e.tolerable ? 'note ' : 'FAIL '} could not parse ${e.file}: ${e.message}`)
  }
  for (const f of findings) {
    const why = explained(f)
    const gating = GATING.has(f.severity)
    if (gating && !why) failures++
    console.log(`${!gating ? 'info ' : why ? 'ok   ' : 'FAIL '} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.line} ${f.message}`)
    if (gating && why) console.log(`        allowed: ${why.reason}`)
  }
  const stale = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file && GATING.has(f.severity)))
  for (const a of stale) {
    failures++
    console.log(`FAIL  allowlist entry matches no finding any more (remove it): ${a.check} ${a.file}`)
  }
  if (failures > 0) {
    console.log(`audit:electron failed: ${failures} unexplained HIGH/MEDIUM finding(s), parse errors or stale allowlist entries.`)
    process.exit(1)
  }
  console.log('audit:electron passed: every HIGH or MEDIUM finding is fixed or explained in .electronegativity-allowlist.json.')
}

main().catch((e) => {
  console.error(`audit:electron could not run: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(2)
})
