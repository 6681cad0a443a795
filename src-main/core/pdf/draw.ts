// The only pdfkit code: opens a document with the embedded Unicode fonts and replays laid-out ops.
import PDFDocument from 'pdfkit'
import type { PageSize } from '@shared/domain/settings'
import { loadDrawing } from './illustrations'
import { PAGE_POINTS, type FontWeight, type Measure, type Op } from './layout'
import { fontPath } from './resources'

export interface PdfMeta {
  title: string
  author: string
}

export interface PdfCanvas {
  doc: PDFKit.PDFDocument
  measure: Measure
}

/** pdfkit's parsed font (fontkit): parsing DejaVu costs ~40 ms, so it is parsed once per process. */
type ParsedFont = { layout: (text: string) => unknown }
const parsed: Partial<Record<FontWeight, ParsedFont>> = {}

/** pdfkit's internals this module leans on: the open font and its font cache (pdfkit 0.20). */
interface PdfkitFontState {
  _font: { font: ParsedFont }
  _fontFamilies: Record<string, unknown>
}
const fontState = (doc: PDFKit.PDFDocument) => doc as unknown as PdfkitFontState

/**
 * A document whose default font is DejaVu Sans, so no WinAnsi-only standard font is ever
 * referenced; pdfkit embeds TrueType fonts as subsets of the glyphs used.
 */
export function openCanvas(meta: PdfMeta): PdfCanvas {
  const source = (w: FontWeight) => (parsed[w] ?? fontPath(w)) as unknown as string
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: source('regular'),
    compress: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'Footcore' },
    displayTitle: true,
    lang: 'en',
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
  const measure: Measure = (text, weight, size) => doc.font(fonts[weight]).fontSize(size).widthOfString(text)
  const canvas: PdfCanvas = { doc, measure }
  fontKeys.set(doc, fonts)
  return canvas
}

const fontKeys = new WeakMap<PDFKit.PDFDocument, Record<FontWeight, string>>()

/** pdfkit's openImage (missing from @types/pdfkit 0.17); image() accepts what it returns. */
type OpenedImage = PDFKit.Mixins.ImageSrc
const openImage = (doc: PDFKit.PDFDocument, data: Buffer): OpenedImage =>
  (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(data)

/** Images opened once per document, so a logo on every page is embedded once. */
type ImageCache = Map<Uint8Array, OpenedImage>

function drawOp(doc: PDFKit.PDFDocument, op: Op, fonts: Record<FontWeight, string>, images: ImageCache): void {
  switch (op.kind) {
    case 'text':
      doc.font(fonts[op.style.weight]).fontSize(op.style.size).fillColor(op.style.color)
      doc.text(op.text, op.x, op.y, { lineBreak: false })
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
  const fonts = fontKeys.get(doc)!
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
    for (const op of ops) drawOp(doc, op, fonts, images)
  }
  doc.end()
  return done
}
