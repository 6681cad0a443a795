// Pure page layout: page geometry, text measuring and wrapping, and a flow that paginates blocks
// into per-page drawing operations. Nothing here touches pdfkit, so it is tested without a PDF.
import type { PageSize } from '@shared/domain/settings'
import { formatClinicDateIn } from '@shared/i18n/format'
import type { Language } from '@shared/i18n/languages'

export type FontWeight = 'regular' | 'bold'
/** Width in points of `text` set in the given weight and size. */
export type Measure = (text: string, weight: FontWeight, size: number) => number

export interface TextStyle {
  weight: FontWeight
  size: number
  color: string
}

export const INK = '#1a1a1a'
export const MUTED = '#555555'
export const RULE = '#999999'

export const style = (size: number, weight: FontWeight = 'regular', color: string = INK): TextStyle => ({ size, weight, color })

/** One thing to draw; coordinates in points from the page's top-left, text `y` is the line's top. */
export type Op =
  | { kind: 'text'; x: number; y: number; text: string; style: TextStyle; width: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string; dash?: number[] }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; stroke: string | null; fill: string | null; lineWidth: number }
  | { kind: 'polyline'; points: [number, number][]; width: number; color: string; dash?: number[] }
  | { kind: 'marker'; x: number; y: number; r: number; shape: 'circle' | 'square'; color: string }
  | { kind: 'drawing'; name: string; x: number; y: number; w: number; h: number }
  | { kind: 'image'; data: Uint8Array; x: number; y: number; w: number; h: number }

export interface Margins {
  top: number
  right: number
  bottom: number
  left: number
}

export interface Geometry {
  pageSize: PageSize
  width: number
  height: number
  margins: Margins
  /** Space the header and footer take inside the margins. */
  headerHeight: number
  footerHeight: number
}

/** Points (1/72 inch): A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
export const PAGE_POINTS: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
}

/** 15 mm on every side: inside what office printers can reach on both paper sizes. */
export const DEFAULT_MARGIN_PT = 42.5

export function pageGeometry(pageSize: PageSize, margin = DEFAULT_MARGIN_PT): Geometry {
  const { width, height } = PAGE_POINTS[pageSize]
  return { pageSize, width, height, margins: { top: margin, right: margin, bottom: margin, left: margin }, headerHeight: 52, footerHeight: 26 }
}

export interface ContentBox {
  left: number
  right: number
  top: number
  bottom: number
  width: number
}

export function contentBox(g: Geometry): ContentBox {
  const left = g.margins.left
  const right = g.width - g.margins.right
  return { left, right, top: g.margins.top + g.headerHeight, bottom: g.height - g.margins.bottom - g.footerHeight, width: right - left }
}

export const lineHeight = (s: TextStyle): number => s.size * 1.25

/** Splits a word wider than `maxWidth` into pieces that fit (long names, URLs). */
function breakWord(word: string, maxWidth: number, measure: Measure, s: TextStyle): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const ch of Array.from(word)) {
    if (piece !== '' && measure(piece + ch, s.weight, s.size) > maxWidth) {
      pieces.push(piece)
      piece = ch
    } else piece += ch
  }
  if (piece !== '') pieces.push(piece)
  return pieces
}

const NBSP = '\u00a0'

/**
 * A date as the documents write it: `formatClinicDateIn` ("20 Jul 2026", "20 lip 2026"), the
 * same text as on the screens, with no-break spaces so a line never ends inside a date (the wrap
 * still breaks it at its spaces when the date alone is wider than the line).
 */
export function documentDate(iso: string, language: Language): string {
  return formatClinicDateIn(iso, language).replace(/ /g, NBSP)
}

/**
 * Greedy word wrap. Newlines start new lines, blank lines are kept, and a word too wide for a
 * line is broken across lines, so no line is ever wider than `maxWidth`.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, s: TextStyle): string[] {
  // Words are measured once and summed; each finished line is then measured whole (kerning across
  // a space can differ by a hair) and gives back its last word if it came out too wide.
  const widths = new Map<string, number>()
  const wordWidth = (w: string) => {
    let v = widths.get(w)
    if (v === undefined) {
      v = measure(w, s.weight, s.size)
      widths.set(w, v)
    }
    return v
  }
  const space = measure(' ', s.weight, s.size)
  const lines: string[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const queue = paragraph.split(/[ \t]+/).filter((w) => w !== '')
    if (queue.length === 0) {
      lines.push('')
      continue
    }
    while (queue.length > 0) {
      const line: string[] = []
      let width = 0
      while (queue.length > 0) {
        const word = queue[0]!
        const w = wordWidth(word)
        if (line.length === 0 && w > maxWidth && word.includes(NBSP)) {
          // Words held together (a date) that cannot fit one line together: wrap them one by one.
          queue.splice(0, 1, ...word.split(NBSP).filter((x) => x !== ''))
          continue
        }
        if (line.length === 0 && w > maxWidth) {
          // A word wider than the line: its pieces go back on the queue one line each.
          queue.splice(0, 1, ...breakWord(word, maxWidth, measure, s))
          line.push(queue.shift()!)
          break
        }
        const next = line.length === 0 ? w : width + space + w
        if (next > maxWidth) break
        line.push(queue.shift()!)
        width = next
      }
      while (line.length > 1 && measure(line.join(' '), s.weight, s.size) > maxWidth) queue.unshift(line.pop()!)
      lines.push(line.join(' '))
    }
  }
  return lines
}

/** Cuts a single line to `maxWidth`, ending it with "…" when something had to go. */
export function ellipsize(text: string, maxWidth: number, measure: Measure, s: TextStyle): string {
  if (measure(text, s.weight, s.size) <= maxWidth) return text
  const chars = Array.from(text)
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(`${chars.slice(0, mid).join('')}…`, s.weight, s.size) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`
}

/** Text ops for already-wrapped lines starting at (x, y); returns them with the height used. */
export function textLines(lines: string[], x: number, y: number, s: TextStyle, measure: Measure): { ops: Op[]; height: number } {
  const lh = lineHeight(s)
  const ops: Op[] = lines.flatMap((text, i) =>
    text === '' ? [] : [{ kind: 'text' as const, x, y: y + i * lh, text, style: s, width: measure(text, s.weight, s.size) }],
  )
  return { ops, height: lines.length * lh }
}

export type Align = 'left' | 'right' | 'center'

/** One line of text aligned inside [x, x + width], cut with an ellipsis if it would not fit. */
export function alignedText(text: string, x: number, y: number, width: number, s: TextStyle, measure: Measure, align: Align = 'left'): Op {
  const fitted = ellipsize(text, width, measure, s)
  const w = measure(fitted, s.weight, s.size)
  const left = align === 'left' ? x : align === 'right' ? x + width - w : x + (width - w) / 2
  return { kind: 'text', x: left, y, text: fitted, style: s, width: w }
}

/** Moves ops by (dx, dy): blocks are laid out at the origin and placed where the flow puts them. */
export function translate(ops: Op[], dx: number, dy: number): Op[] {
  return ops.map((op): Op => {
    switch (op.kind) {
      case 'line':
        return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy }
      case 'polyline':
        return { ...op, points: op.points.map(([x, y]): [number, number] => [x + dx, y + dy]) }
      default:
        return { ...op, x: op.x + dx, y: op.y + dy }
    }
  })
}

/** A laid-out block: ops relative to the block's top-left, and its height. */
export interface Block {
  ops: Op[]
  height: number
}

export interface Flow {
  readonly box: ContentBox
  /** Current y on the current page. */
  readonly y: number
  /** Space left on the current page. */
  remaining(): number
  newPage(): void
  space(height: number): void
  /** Places a block that must not be split: starts a new page first if it does not fit. */
  keep(block: Block): void
  /** Wraps text to the content width (minus indent) and places it line by line across pages. */
  paragraph(text: string, s: TextStyle, options?: { indent?: number; gapAfter?: number }): void
  pages(): Op[][]
}

/** The lowest y ≤ `limit` that cuts through no op, so a split block breaks between lines; `limit` if none. */
export function cutPoint(ops: Op[], limit: number): number {
  const bounds = ops.map(opBounds)
  const candidates = [...new Set(bounds.flatMap((b) => [b.y1, b.y2]))].filter((c) => c > 0 && c <= limit).sort((a, b) => b - a)
  for (const c of candidates) if (!bounds.some((b) => b.y1 < c - 0.01 && b.y2 > c + 0.01)) return c
  return limit
}

/** Ops above `cut` and ops from `cut` down (an op belongs where its top is). */
function splitOps(ops: Op[], cut: number): [Op[], Op[]] {
  const head: Op[] = []
  const tail: Op[] = []
  for (const op of ops) (opBounds(op).y1 < cut - 0.01 ? head : tail).push(op)
  return [head, tail]
}

/** Paginates blocks and paragraphs top to bottom inside the content box of each page. */
export function createFlow(g: Geometry, measure: Measure): Flow {
  const box = contentBox(g)
  const pages: Op[][] = [[]]
  let y = box.top
  const current = () => pages[pages.length - 1]!
  const flow: Flow = {
    box,
    get y() {
      return y
    },
    remaining: () => box.bottom - y,
    newPage() {
      pages.push([])
      y = box.top
    },
    space(height) {
      // Space at the top of a page is pointless; space beyond the page just ends the page.
      if (y === box.top) return
      if (y + height > box.bottom) flow.newPage()
      else y += height
    },
    keep(block) {
      const pageHeight = box.bottom - box.top
      if (block.height > flow.remaining() && y !== box.top) flow.newPage()
      if (block.height <= pageHeight) {
        current().push(...translate(block.ops, 0, y))
        y += block.height
        return
      }
      // Taller than a whole page (a long custom exercise, a long change list): cut between lines.
      let rest = block
      while (rest.height > flow.remaining()) {
        const cut = cutPoint(rest.ops, flow.remaining())
        const [head, tail] = splitOps(rest.ops, cut)
        current().push(...translate(head, 0, y))
        flow.newPage()
        rest = { ops: translate(tail, 0, -cut), height: rest.height - cut }
      }
      current().push(...translate(rest.ops, 0, y))
      y += rest.height
    },
    paragraph(text, s, options = {}) {
      const indent = options.indent ?? 0
      const lh = lineHeight(s)
      for (const line of wrapText(text, box.width - indent, measure, s)) {
        if (y + lh > box.bottom) flow.newPage()
        if (line !== '') current().push({ kind: 'text', x: box.left + indent, y, text: line, style: s, width: measure(line, s.weight, s.size) })
        y += lh
      }
      flow.space(options.gapAfter ?? 0)
    },
    pages: () => pages.filter((p, i) => p.length > 0 || i === 0),
  }
  return flow
}

/** A left-aligned text block wrapped to `width`: the unit most blocks are built from. */
export function textBlock(text: string, width: number, s: TextStyle, measure: Measure, x = 0): Block {
  const { ops, height } = textLines(wrapText(text, width, measure, s), x, 0, s, measure)
  return { ops, height }
}

/** Stacks blocks vertically with `gap` between them. */
export function stack(blocks: Block[], gap = 0): Block {
  const ops: Op[] = []
  let y = 0
  blocks.forEach((b, i) => {
    ops.push(...translate(b.ops, 0, y))
    y += b.height + (i < blocks.length - 1 ? gap : 0)
  })
  return { ops, height: y }
}

/** Bounding box of an op, for checks that nothing leaves the page. */
export function opBounds(op: Op): { x1: number; y1: number; x2: number; y2: number } {
  switch (op.kind) {
    case 'text':
      return { x1: op.x, y1: op.y, x2: op.x + op.width, y2: op.y + lineHeight(op.style) }
    case 'line':
      return { x1: Math.min(op.x1, op.x2), y1: Math.min(op.y1, op.y2), x2: Math.max(op.x1, op.x2), y2: Math.max(op.y1, op.y2) }
    case 'polyline': {
      const xs = op.points.map((p) => p[0])
      const ys = op.points.map((p) => p[1])
      return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) }
    }
    case 'marker':
      return { x1: op.x - op.r, y1: op.y - op.r, x2: op.x + op.r, y2: op.y + op.r }
    default:
      return { x1: op.x, y1: op.y, x2: op.x + op.w, y2: op.y + op.h }
  }
}
