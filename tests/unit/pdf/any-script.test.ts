// Any name a clinic can type prints: Chinese, Japanese, Korean, Arabic and Hebrew (right to left,
// joined), Greek, Vietnamese, Devanagari and Thai come back from the PDF text, every font is
// embedded, and no character is drawn as the missing-glyph box. A name no font has is refused.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/domain/errors'
import { buildHandout } from '../../../src-main/core/services/documents'
import { covers, runsOf } from '../../../src-main/core/pdf/fonts'
import { openPdfClinic, seedPatient, type PdfClinic } from './fixtures'

const NAMES: [string, string][] = [
  ['芳', '王'],
  ['太郎', '山田'],
  ['민준', '김'],
  ['محمد', 'العلي'],
  ['דוד', 'כהן'],
  ['Αλέξανδρος', 'Παπαδόπουλος'],
  ['Thị Minh Khai', 'Nguyễn'],
  ['राहुल', 'शर्मा'],
  ['สมชาย', 'ใจดี'],
]

/**
 * Devanagari draws some vowel signs and the reph before or above the letter they follow, and
 * pdftotext reads glyphs in drawing order ("शर्मा" comes back as "शमार्"): the same letters, so for
 * it the letters are compared, not their order.
 */
const SAME_LETTERS_ONLY = /\p{Script=Devanagari}/u

const SHOTS = resolve(__dirname, '../../../test-results/any-script')
let dir: string
let c: PdfClinic | null = null
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-scripts-'))
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(async () => {
  await c?.clinic.close()
  c = null
})

const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim()
const reversedWords = (s: string) => s.split(' ').reverse().join(' ')
const reversedChars = (s: string) => Array.from(s).reverse().join('')

const squeeze = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '')

/**
 * pdftotext writes right-to-left words in visual order (each word reversed, or the words swapped)
 * and may return Arabic presentation forms; NFKC folds those back to the letters, and each reading
 * order is accepted. It also leaves out the space between Chinese characters, so spaces are ignored.
 */
function contains(text: string, name: string): boolean {
  const t = squeeze(nfkc(text))
  const n = nfkc(name)
  return [n, reversedWords(n), reversedChars(n), reversedChars(reversedWords(n))].some((v) => t.includes(squeeze(v)))
}

const sameLetters = (a: string, b: string) => Array.from(squeeze(a)).sort().join('') === Array.from(squeeze(b)).sort().join('')

describe('names in any script', () => {
  it('come back from the PDF text, with every font embedded and no missing glyph', async () => {
    c = await openPdfClinic('A4')
    for (const [firstName, lastName] of NAMES) {
      const full = `${firstName} ${lastName}`
      // Every character maps to a real glyph (id ≠ 0, not .notdef) in the face chosen for its run.
      const { runs, missing } = runsOf(full, 'bold')
      expect(missing, full).toEqual([])
      for (const run of runs) for (const ch of Array.from(run.text)) expect(covers(run.face, ch, 'bold'), `${ch} in ${run.face}`).toBe(true)

      const p = await seedPatient(c, { firstName, lastName, laterVisits: 1 })
      const bytes = await buildHandout(c.clinic.ctx(), { programId: p.programId })
      const file = join(SHOTS, `handout-${p.patientId}.pdf`)
      writeFileSync(file, bytes)
      const text = execFileSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' })
      const found = SAME_LETTERS_ONLY.test(full) ? text.split('\n').some((line) => sameLetters(line, full)) : contains(text, full)
      expect(found, `${full} in:\n${text.slice(0, 300)}`).toBe(true)
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
      expect(fonts.length).toBeGreaterThan(0)
      // Columns: name type encoding emb sub uni — every font embedded as a subset.
      for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/)
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(SHOTS, `handout-${p.patientId}`)])
    }
  })

  it('refuses a name with a character no font has, and says which name', async () => {
    c = await openPdfClinic('A4')
    // U+1F9B6 FOOT (an emoji) and Linear B: neither DejaVu nor the Noto faces shipped have them.
    const p = await seedPatient(c, { firstName: 'Ana 𐀀', lastName: 'Muñoz', laterVisits: 1 })
    const error = await buildHandout(c.clinic.ctx(), { programId: p.programId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('unprintable')
    expect((error as ApiError).message).toContain('The patient’s name “Ana 𐀀 Muñoz” cannot be printed')
    expect((error as ApiError).message).toContain('U+10000')
  })
})
