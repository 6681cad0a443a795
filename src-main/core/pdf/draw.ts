// The only pdfkit code: opens a document with the embedded Unicode fonts and replays laid-out ops.
import PDFDocument from 'pdfkit'
import type { PageSize } from '@shared/domain/settings'
import { unprintable } from '@shared/domain/errors'
import { faceKey, parsedFace, runsOf } from './fonts'
import { loadDrawing } from './illustrations'
import { PAGE_POINTS, type FontWeight, type Measure, type Op, type TextStyle } from './layout'
import { fontPath } from './resources'
import type { Face, Run } from './scripts'

export interface PdfMeta {
  title: string
  author: string
  /** The document's language (PDF /Lang, read by screen readers). */
  lang?: string
}

export interface PdfCanvas {
  doc: PDFKit.PDFDocument
  measure: Measure
}

/** pdfkit's parsed font (fontkit): parsing DejaVu costs ~40 ms, so it is parsed once per process. */
type ParsedFont = { layout: (text: string) => unknown }
const parsed: Partial<Record<FontWeight, ParsedFont>> = {}

/**
 * fontkit caches glyph objects per font with the characters that first produced them, and pdfkit
 * writes those characters into the PDF's text layer (ToUnicode). A font object shared between
 * documents would carry one document's characters into the next (a glyph DejaVu shares between
 * two code points then copies out wrongly), so each document starts with an empty glyph cache.
 */
export function freshGlyphs<T>(font: T): T {
  ;(font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {}
  return font
}

/** pdfkit's internals this module leans on: the open font and its font cache (pdfkit 0.20). */
interface PdfkitFontState {
  _font: { font: ParsedFont; ascender: number }
  _fontFamilies: Record<string, unknown>
}
const fontState = (doc: PDFKit.PDFDocument) => doc as unknown as PdfkitFontState

/**
 * A document whose default font is DejaVu Sans, so no WinAnsi-only standard font is ever
 * referenced; pdfkit embeds TrueType fonts as subsets of the glyphs used.
 */
export function openCanvas(meta: PdfMeta): PdfCanvas {
  const source = (w: FontWeight) => (parsed[w] ? freshGlyphs(parsed[w]) : fontPath(w)) as unknown as string
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: source('regular'),
    compress: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'Footcore' },
    displayTitle: true,
    lang: meta.lang ?? 'en',
  })
  const state = fontState(doc)
  parsed.regular ??= state._font.font
  // pdfkit caches a font under its name, not under an alias of an already-open font, and would
  // re-open and compare the font on every switch (≈1 ms each); name the default font ourselves.
  state._fontFamilies.regular = state._font
  doc.registerFont('bold', source('bold'))
  doc.font('bold')
  parsed.bold ??= state._font.font
  const fonts: Record<FontWeight, string> = { regular: 'regular', bold: 'bold' }
  fontKeys.set(doc, fonts)
  const measure: Measure = (text, weight, size) => {
    const { runs } = runsOf(text, weight)
    if (runs.length === 1 && runs[0]!.face === 'base') return doc.font(fonts[weight]).fontSize(size).widthOfString(text)
    return runs.reduce((sum, run) => sum + runWidth(doc, run, weight, size), 0)
  }
  return { doc, measure }
}

/** Switches to a face (registered in this document on first use) and returns pdfkit's key for it. */
function useFace(doc: PDFKit.PDFDocument, face: Face, weight: FontWeight): void {
  if (face === 'base') {
    doc.font(fontKeys.get(doc)![weight])
    return
  }
  const key = faceKey(face, weight)
  const families = fontState(doc)._fontFamilies
  if (!(key in families)) {
    const font = parsedFace(face, weight)
    if (!font) throw new Error(`Font for ${face} is missing; run scripts/build-fonts.mjs`)
    doc.registerFont(key, freshGlyphs(font) as unknown as string)
  }
  doc.font(key)
}

/** Right-to-left runs are set word by word (pdfkit drops the spaces of a shaped RTL string). */
const rtlWords = (run: Run) => run.text.split(' ')

function runWidth(doc: PDFKit.PDFDocument, run: Run, weight: FontWeight, size: number): number {
  useFace(doc, run.face, weight)
  doc.fontSize(size)
  if (!run.rtl) return doc.widthOfString(run.text)
  const words = rtlWords(run)
  const space = doc.widthOfString(' ')
  return words.reduce((sum, w) => sum + (w === '' ? 0 : doc.widthOfString(w)), 0) + space * (words.length - 1)
}

/**
 * Draws a line of text run by run, all on the base font's baseline. A right-to-left run is laid
 * out from its right edge leftwards, word by word; fontkit shapes each word (joined Arabic letters).
 */
function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, s: TextStyle): void {
  const { runs, missing } = runsOf(text, s.weight)
  if (missing.length > 0) throw unprintable('The text', text, missing)
  doc.fillColor(s.color)
  if (runs.length === 1 && runs[0]!.face === 'base') {
    useFace(doc, 'base', s.weight)
    doc.fontSize(s.size).text(text, x, y, { lineBreak: false })
    return
  }
  useFace(doc, 'base', s.weight)
  doc.fontSize(s.size)
  // pdfkit moves text down by the font's ascender; every run uses the base font's, so baselines meet.
  const drop = (fontState(doc)._font.ascender / 1000) * s.size
  let cursor = x
  for (const run of runs) {
    const width = runWidth(doc, run, s.weight, s.size)
    if (!run.rtl) {
      doc.text(run.text, cursor, y, { lineBreak: false, baseline: -drop } as PDFKit.Mixins.TextOptions)
    } else {
      const space = doc.widthOfString(' ')
      let right = cursor + width
      for (const word of rtlWords(run)) {
        if (word !== '') {
          const w = doc.widthOfString(word)
          doc.text(word, right - w, y, { lineBreak: false, baseline: -drop } as PDFKit.Mixins.TextOptions)
          right -= w
        }
        right -= space
      }
    }
    cursor += width
  }
}

const fontKeys = new WeakMap<PDFKit.PDFDocument, Record<FontWeight, string>>()

/** pdfkit's openImage (missing from @types/pdfkit 0.17); image() accepts what it returns. */
type OpenedImage = PDFKit.Mixins.ImageSrc
const openImage = (doc: PDFKit.PDFDocument, data: Buffer): OpenedImage =>
  (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(data)

/** Images opened once per document, so a logo on every page is embedded once. */
type ImageCache = Map<Uint8Array, OpenedImage>

function drawOp(doc: PDFKit.PDFDocument, op: Op, images: ImageCache): void {
  switch (op.kind) {
    case 'text':
      drawText(doc, op.text, op.x, op.y, op.style)
      return
    case 'line':
      doc.save().moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).strokeColor(op.color)
      if (op.dash) doc.dash(op.dash[0]!, { space: op.dash[1] ?? op.dash[0]! })
      doc.stroke().restore()
      return
    case 'rect':
      doc.save().rect(op.x, op.y, op.w, op.h).lineWidth(op.lineWidth)
      if (op.fill && op.stroke) doc.fillAndStroke(op.fill, op.stroke)
      else if (op.fill) doc.fill(op.fill)
      else if (op.stroke) doc.stroke(op.stroke)
      doc.restore()
      return
    case 'polyline': {
      const [first, ...rest] = op.points
      if (!first) return
      doc.save().moveTo(first[0], first[1])
      for (const [x, y] of rest) doc.lineTo(x, y)
      doc.lineWidth(op.width).lineJoin('round').strokeColor(op.color)
      if (op.dash) doc.dash(op.dash[0]!, { space: op.dash[1] ?? op.dash[0]! })
      doc.stroke().restore()
      return
    }
    case 'marker':
      doc.save()
      if (op.shape === 'circle') doc.circle(op.x, op.y, op.r)
      else doc.rect(op.x - op.r, op.y - op.r, 2 * op.r, 2 * op.r)
      doc.fill(op.color).restore()
      return
    case 'drawing': {
      const drawing = loadDrawing(op.name)
      if (!drawing) return
      const scale = Math.min(op.w / drawing.width, op.h / drawing.height)
      doc.save()
      doc.translate(op.x + (op.w - drawing.width * scale) / 2, op.y + (op.h - drawing.height * scale) / 2).scale(scale)
      for (const p of drawing.paths) {
        doc.path(p.d).lineWidth(p.strokeWidth).lineCap('round').lineJoin('round')
        if (p.dash) doc.dash(p.dash[0]!, { space: p.dash[1] ?? p.dash[0]! })
        else doc.undash()
        if (p.fill && p.stroke) doc.fillAndStroke(p.fill, p.stroke)
        else if (p.fill) doc.fill(p.fill)
        else if (p.stroke) doc.stroke(p.stroke)
      }
      doc.restore()
      return
    }
    case 'image': {
      let image = images.get(op.data)
      if (!image) {
        image = openImage(doc, Buffer.from(op.data))
        images.set(op.data, image)
      }
      doc.image(image, op.x, op.y, { width: op.w, height: op.h })
      return
    }
  }
}

/** Draws every page and resolves with the finished PDF bytes. */
export function drawPages(canvas: PdfCanvas, pageSize: PageSize, pages: Op[][]): Promise<Buffer> {
  const { doc } = canvas
  const size = PAGE_POINTS[pageSize]
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => ok(Buffer.concat(chunks)))
    doc.on('error', fail)
  })
  const images: ImageCache = new Map()
  for (const ops of pages) {
    doc.addPage({ size: [size.width, size.height], margin: 0 })
    for (const op of ops) drawOp(doc, op, images)
  }
  doc.end()
  return done
}
