// Pure building blocks both documents use: labelled facts, hanging-indent lists, headings, boxes.
import { MUTED, style, textLines, translate, wrapText, type Block, type Measure, type Op, type TextStyle } from './layout'

/** Numbered or bulleted list; wrapped lines hang under the first line's text, not the marker. */
export function listBlock(items: string[], marker: (i: number) => string, width: number, s: TextStyle, measure: Measure, indent = 12): Block {
  const ops: Op[] = []
  let y = 0
  items.forEach((item, i) => {
    ops.push(...textLines([marker(i)], 0, y, s, measure).ops)
    const { ops: lines, height } = textLines(wrapText(item, width - indent, measure, s), indent, y, s, measure)
    ops.push(...lines)
    y += height
  })
  return { ops, height: y }
}

/**
 * "Label / value" facts two to a row; a value too wide for half the width (a 120-character name)
 * gets a row of its own and wraps there, so nothing overlaps.
 */
export function factsBlock(facts: [string, string][], width: number, measure: Measure): Block {
  const labelStyle = style(8, 'regular', MUTED)
  const valueStyle = style(10, 'bold')
  const half = width / 2
  const wide = (v: string) => measure(v, valueStyle.weight, valueStyle.size) > half - 8
  const rows: [string, string][][] = []
  for (const fact of facts) {
    const last = rows[rows.length - 1]
    if (!wide(fact[1]) && last && last.length === 1 && !wide(last[0]![1])) last.push(fact)
    else rows.push([fact])
  }
  const ops: Op[] = []
  let y = 0
  for (const row of rows) {
    let rowH = 0
    row.forEach(([label, value], c) => {
      const span = row.length === 1 ? width : half - 8
      const x = c * half
      const l = textLines([label], x, y, labelStyle, measure)
      const v = textLines(wrapText(value, span, measure, valueStyle), x, y + l.height, valueStyle, measure)
      ops.push(...l.ops, ...v.ops)
      rowH = Math.max(rowH, l.height + v.height)
    })
    y += rowH + 4
  }
  return { ops, height: y }
}

export function heading(text: string, width: number, measure: Measure, size = 12): Block {
  const s = style(size, 'bold', '#1f3a5f')
  const { ops, height } = textLines(wrapText(text, width, measure, s), 0, 0, s, measure)
  return { ops, height: height + 2 }
}

/** A block with a thin frame and light fill around it, padded. */
export function boxed(inner: Block, width: number, pad = 8, fill = '#f6f8fa', stroke = '#c9d1d9'): Block {
  return {
    ops: [{ kind: 'rect', x: 0, y: 0, w: width, h: inner.height + 2 * pad, stroke, fill, lineWidth: 0.75 }, ...translate(inner.ops, pad, pad)],
    height: inner.height + 2 * pad,
  }
}
