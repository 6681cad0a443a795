// `npm test` starts here: finds the programs the tests need (Chromium for Playwright, PostgreSQL
// for the server suite, poppler/qpdf to read PDFs back) and, where one is missing, installs it
// with apt-get when it can (root, apt present), or stops at once with the one command to run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const postgresInstalled = () =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

/** Debian package → how to tell it is there. */
const NEEDED = [
  ['chromium', () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p)) || Boolean(process.env.CHROMIUM_PATH)],
  ['postgresql', postgresInstalled],
  ['postgresql-client', () => onPath('psql')],
  ['poppler-utils', () => onPath('pdftotext')],
  ['qpdf', () => onPath('qpdf')],
  ['sqlite3', () => onPath('sqlite3')],
  // The PDFs' Noto faces (scripts/build-fonts.mjs copies and cuts them into resources/fonts/noto).
  ['fonts-noto-core', () => existsSync('/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf')],
  ['fonts-noto-cjk', () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')],
  ['python3-fonttools', () => spawnSync(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', ['-c', 'import fontTools.subset'], { stdio: 'ignore' }).status === 0],
]

/** The fonts the PDF tests print with, built from the packages above. */
const buildFonts = () => execFileSync(process.execPath, [new URL('./build-fonts.mjs', import.meta.url).pathname], { stdio: 'inherit' })

const missing = NEEDED.filter(([, present]) => !present()).map(([pkg]) => pkg)
if (missing.length === 0) {
  buildFonts()
  process.exit(0)
}

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot || !onPath('apt-get')) {
  console.error(`The tests need ${missing.join(', ')}. Install ${missing.length === 1 ? 'it' : 'them'} first:\n  sudo ${command}`)
  process.exit(1)
}
console.log(`Installing what the tests need: ${missing.join(', ')}`)
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
} catch {
  console.error(`Installing failed. Run it by hand:\n  ${command}`)
  process.exit(1)
}
const still = NEEDED.filter(([pkg, present]) => missing.includes(pkg) && !present()).map(([pkg]) => pkg)
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.join(', ')}`)
  process.exit(1)
}
buildFonts()
