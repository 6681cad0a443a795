// The faces a PDF may use, parsed once per process, and which face sets which character.
import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { unprintable } from '@shared/domain/errors'
import type { FontWeight } from './layout'
import { fontPath, notoPath } from './resources'
import { splitRuns, type Face, type Run, type Split } from './scripts'

/** pdfkit's parsed font (fontkit): what this module uses of it. */
export interface ParsedFont {
  layout: (text: string) => unknown
  hasGlyphForCodePoint: (cp: number) => boolean
  glyphForCodePoint: (cp: number) => { id: number }
}

const parsed = new Map<string, ParsedFont | null>()
let loader: PDFKit.PDFDocument | null = null

const faceFile = (face: Face, weight: FontWeight) => (face === 'base' ? fontPath(weight) : notoPath(face, weight))

/**
 * The face's fontkit font, parsed once per process through pdfkit (which embeds only the glyphs a
 * document uses); null when the file is not there (scripts/build-fonts.mjs was not run).
 */
export function parsedFace(face: Face, weight: FontWeight): ParsedFont | null {
  const key = `${face}-${weight}`
  if (parsed.has(key)) return parsed.get(key)!
  const file = faceFile(face, weight)
  let font: ParsedFont | null = null
  if (existsSync(file)) {
    loader ??= new PDFDocument({ autoFirstPage: false })
    loader.font(file)
    font = (loader as unknown as { _font: { font: ParsedFont } })._font.font
  }
  parsed.set(key, font)
  return font
}

/** Keys pdfkit knows each face under, in a document. */
export const faceKey = (face: Face, weight: FontWeight) => `${face}-${weight}`

const coverage = new Map<string, boolean>()

/** Has the face a real glyph (not .notdef) for this character? Combining marks and spaces count as covered when the font maps them. */
export function covers(face: Face, ch: string, weight: FontWeight = 'regular'): boolean {
  const key = `${face}${weight}${ch}`
  let v = coverage.get(key)
  if (v === undefined) {
    const font = parsedFace(face, weight)
    const cp = ch.codePointAt(0)!
    // Controls such as a tab or a line break are never drawn; zero-width joiners shape, not print.
    v = cp < 0x20 || cp === 0x200c || cp === 0x200d ? true : font !== null && font.hasGlyphForCodePoint(cp) && font.glyphForCodePoint(cp).id !== 0
    coverage.set(key, v)
  }
  return v
}

const splits = new Map<string, Split>()

/** Script runs of `text` for one weight (cached: the same words are measured again and again). */
export function runsOf(text: string, weight: FontWeight): Split {
  const key = `${weight}\u0000${text}`
  let s = splits.get(key)
  if (!s) {
    s = splitRuns(text, (face, ch) => covers(face, ch, weight))
    if (splits.size > 20_000) splits.clear()
    splits.set(key, s)
  }
  return s
}

/** Characters of `text` no shipped face can print (in either weight's faces). */
export function unprintableChars(text: string, weight: FontWeight = 'regular'): string[] {
  return runsOf(text, weight).missing
}

/** Throws the `unprintable` error when a labelled text has a character no face has. */
export function assertPrintable(fields: { what: string; text: string; field?: (string | number)[] }[]): void {
  for (const f of fields) {
    // Bold and regular faces cover the same characters except CJK, which has one file for both.
    const missing = [...new Set([...unprintableChars(f.text, 'regular'), ...unprintableChars(f.text, 'bold')])]
    if (missing.length > 0) throw unprintable(f.what, f.text, missing, f.field)
  }
}

export type { Run }
