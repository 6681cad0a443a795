// Pure table layout: wrapped cells, a shaded header row, thin rules between rows.
import { lineHeight, style, textLines, wrapText, type Align, type Block, type Measure, type Op, type TextStyle } from './layout'

export interface Column {
  header: string
  /** Share of the table width; shares are normalised. */
  share: number
  align?: Align
}

export interface TableOptions {
  size?: number
  /** Rows whose first cell is drawn bold (e.g. sub-totals); by index. */
  boldRows?: number[]
  padding?: number
  /** A different style for one body cell (e.g. a verdict the reader should not miss); null keeps the default. */
  cellStyle?: (row: number, col: number, text: string) => TextStyle | null
}

const HEADER_FILL = '#e8edf2'

/** Lays out a table `width` points wide at the origin; every cell wraps inside its column. */
export function layoutTable(columns: Column[], rows: string[][], width: number, measure: Measure, options: TableOptions = {}): Block {
  const size = options.size ?? 8.5
  const pad = options.padding ?? 3
  const total = columns.reduce((s, c) => s + c.share, 0)
  const widths = columns.map((c) => (c.share / total) * width)
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w, 0))
  const ops: Op[] = []
  let y = 0

  const row = (cells: string[], s: (col: number) => TextStyle, fill: string | null) => {
    const wrapped = cells.map((c, i) => wrapText(c, Math.max(1, widths[i]! - 2 * pad), measure, s(i)))
    const height = Math.max(...wrapped.map((lines, i) => lines.length * lineHeight(s(i)))) + 2 * pad
    if (fill) ops.push({ kind: 'rect', x: 0, y, w: width, h: height, stroke: null, fill, lineWidth: 0 })
    wrapped.forEach((lines, i) => {
      const cs = s(i)
      const align = columns[i]!.align ?? 'left'
      const placed = lines.map((text, li) => {
        const w = measure(text, cs.weight, cs.size)
        const inner = widths[i]! - 2 * pad
        const x = xs[i]! + pad + (align === 'right' ? inner - w : align === 'center' ? (inner - w) / 2 : 0)
        return textLines([text], x, y + pad + li * lineHeight(cs), cs, measure).ops
      })
      ops.push(...placed.flat())
    })
    y += height
    ops.push({ kind: 'line', x1: 0, y1: y, x2: width, y2: y, width: 0.5, color: '#b8b8b8' })
  }

  row(
    columns.map((c) => c.header),
    () => style(size, 'bold'),
    HEADER_FILL,
  )
  rows.forEach((cells, r) =>
    row(cells, (col) => options.cellStyle?.(r, col, cells[col] ?? '') ?? style(size, col === 0 || options.boldRows?.includes(r) ? 'bold' : 'regular'), null),
  )
  return { ops, height: y }
}
