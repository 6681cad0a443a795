// Puts the Noto faces the PDFs need into resources/fonts/noto, from Debian's packages:
// fonts-noto-core (Arabic, Hebrew, Devanagari, Thai: copied as they are, 25–250 kB each) and
// fonts-noto-cjk (the 19 MB collection: one face, Simplified Chinese, cut with fontTools to the
// characters of names and words — kana, all 11,172 Hangul syllables, the 20,992 unified
// ideographs, CJK punctuation and full-width forms, plus ASCII — about 10 MB).
// Runs before the build and the tests; skips files already newer than their source.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'resources', 'fonts', 'noto')
const CORE = '/usr/share/fonts/truetype/noto'
const CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
const COPIES = ['Arabic', 'Hebrew', 'Devanagari', 'Thai'].flatMap((s) => [`NotoSans${s}-Regular.ttf`, `NotoSans${s}-Bold.ttf`])
const CJK_OUT = 'NotoSansCJKsc-Regular.subset.otf'
/** Face 2 of the collection is "Noto Sans CJK SC"; every face has kana and Hangul too. */
const CJK_FACE = '2'
const CJK_UNICODES = 'U+0020-007E,U+00A0-00FF,U+2000-206F,U+3000-303F,U+3040-30FF,U+31F0-31FF,U+3130-318F,U+AC00-D7A3,U+4E00-9FFF,U+FF00-FFEF'

const fresh = (target, source) => existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs

function fail(message) {
  console.error(message)
  process.exit(1)
}

mkdirSync(out, { recursive: true })
for (const name of COPIES) {
  const source = join(CORE, name)
  if (!existsSync(source)) fail(`${source} is missing: apt-get install fonts-noto-core`)
  if (!fresh(join(out, name), source)) copyFileSync(source, join(out, name))
}
const licence = '/usr/share/doc/fonts-noto-core/copyright'
if (existsSync(licence) && !existsSync(join(out, 'LICENSE-Noto.txt'))) copyFileSync(licence, join(out, 'LICENSE-Noto.txt'))

const target = join(out, CJK_OUT)
if (!existsSync(CJK)) fail(`${CJK} is missing: apt-get install fonts-noto-cjk`)
if (!fresh(target, CJK)) {
  // Debian's python3 (not a pyenv one) has python3-fonttools.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
  if (spawnSync(python, ['-c', 'import fontTools.subset'], { stdio: 'ignore' }).status !== 0) fail('fontTools is missing: apt-get install python3-fonttools')
  console.log('Cutting the CJK font to a subset (about 20 s, once)…')
  const tmp = `${target}.tmp`
  execFileSync(python, ['-m', 'fontTools.subset', CJK, `--font-number=${CJK_FACE}`, `--unicodes=${CJK_UNICODES}`, '--no-hinting', `--output-file=${tmp}`], { stdio: 'inherit' })
  renameSync(tmp, target)
}
