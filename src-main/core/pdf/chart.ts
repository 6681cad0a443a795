// Pure line-chart layout: one measure over all visits, left and right foot, as vector ops.
import { daysBetween } from '@shared/calc/dates'
import type { Language } from '@shared/i18n/languages'
import { alignedText, documentDate, MUTED, style, type Block, type Measure, type Op } from './layout'

export interface ChartPoint {
  date: string
  value: number
}

export interface ChartSeries {
  label: string
  color: string
  dash?: number[]
  marker: 'circle' | 'square'
  points: ChartPoint[]
}

export interface ChartSpec {
  title: string
  /** "mm", or "" for a ratio. */
  unit: string
  series: ChartSeries[]
  /**
   * The y axis spans at least this much (four times the clinic's smallest meaningful change), so
   * a change within measurement error never fills the chart. 0 or absent: the data's own range.
   */
  minSpan?: number
  /** The language the dates under the x axis are written in (as everywhere else in the document). Default English. */
  language?: Language
}

/** 1, 2, 2.5 or 5 × 10^n: tick steps a reader can add up in their head. */
export function niceStep(range: number, maxTicks: number): number {
  const raw = range / Math.max(1, maxTicks)
  const mag = 10 ** Math.floor(Math.log10(raw))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag
  return 10 * mag
}

/**
 * Round axis bounds around the values, never a zero-height range, and at least `minSpan` high
 * (centred on the values; never below zero for values that cannot be negative).
 */
export function niceScale(values: number[], maxTicks = 5, minSpan = 0): { min: number; max: number; step: number } {
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, step: 0.2 }
  if (minSpan > 0 && hi - lo < minSpan) {
    const mid = (lo + hi) / 2
    const floor = lo >= 0 ? 0 : -Infinity
    lo = Math.max(floor, mid - minSpan / 2)
    hi = lo + minSpan
  }
  if (hi - lo < 1e-9) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.02 : 1
    lo -= pad
    hi += pad
  }
  const step = niceStep(hi - lo, maxTicks)
  return { min: Math.floor(lo / step + 1e-9) * step, max: Math.ceil(hi / step - 1e-9) * step, step }
}

/** The y axis of a chart: every value on it, and at least the spec's `minSpan` high. */
export function chartYAxis(spec: ChartSpec): { min: number; max: number; step: number } {
  return niceScale(
    spec.series.flatMap((s) => s.points.map((p) => p.value)),
    5,
    spec.minSpan ?? 0,
  )
}

/** Decimals needed to write `step` exactly (0.5 → 1, 0.25 → 2, 5 → 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) < 1e-6) return d
  return 6
}

/** Dates shown under the x axis: at most `max`, always the first and the last. */
export function dateTicks(dates: string[], max: number): string[] {
  const unique = [...new Set(dates)].sort()
  if (unique.length <= max) return unique
  const picked = new Set<string>()
  for (let i = 0; i < max; i++) picked.add(unique[Math.round((i * (unique.length - 1)) / (max - 1))]!)
  return [...picked]
}

/** A chart `width` × `height` points at the origin, with title and legend inside that box. */
export function layoutChart(spec: ChartSpec, width: number, height: number, measure: Measure): Block {
  const ops: Op[] = []
  const titleStyle = style(8.5, 'bold')
  const tickStyle = style(6.5, 'regular', MUTED)
  ops.push(alignedText(spec.title, 0, 0, width, titleStyle, measure))
  const all = spec.series.flatMap((s) => s.points)
  const plotTop = 20
  const legendH = 12
  const plotBottom = height - 14 - legendH
  const yLabels = chartYAxis(spec)
  const tickValues: number[] = []
  for (let v = yLabels.min; v <= yLabels.max + yLabels.step / 2; v += yLabels.step) tickValues.push(Number(v.toFixed(6)))
  // Enough decimals that neighbouring ticks never read the same (0.5 mm steps need one).
  const fmt = (v: number) => v.toFixed(stepDecimals(yLabels.step))
  const axisW = Math.max(...tickValues.map((v) => measure(fmt(v), tickStyle.weight, tickStyle.size))) + 4
  const plotLeft = axisW + 2
  const plotRight = width - 4
  const plotW = plotRight - plotLeft
  const plotH = plotBottom - plotTop
  const yOf = (v: number) => plotBottom - ((v - yLabels.min) / (yLabels.max - yLabels.min)) * plotH

  const dates = [...new Set(all.map((p) => p.date))].sort()
  const first = dates[0] ?? '2000-01-01'
  const span = Math.max(1, daysBetween(first, dates[dates.length - 1] ?? first))
  const single = dates.length <= 1
  const xOf = (date: string) => (single ? plotLeft + plotW / 2 : plotLeft + (daysBetween(first, date) / span) * plotW)

  ops.push({ kind: 'rect', x: plotLeft, y: plotTop, w: plotW, h: plotH, stroke: '#b0b0b0', fill: null, lineWidth: 0.5 })
  for (const v of tickValues) {
    const y = yOf(v)
    ops.push({ kind: 'line', x1: plotLeft, y1: y, x2: plotRight, y2: y, width: 0.3, color: '#dddddd' })
    ops.push(alignedText(fmt(v), 0, y - 4, axisW, tickStyle, measure, 'right'))
  }
  // Dates are written as everywhere else in the documents and on the screens ("20 Jul 2026",
  // about 40 pt wide here); keep the labels from touching each other.
  const dateText = (iso: string) => documentDate(iso, spec.language ?? 'en')
  const maxDateTicks = Math.max(2, Math.floor(plotW / 50))
  // Visits can be days apart on a months-long axis: a label that would touch the one before is
  // left out (its tick stays), and the last date always shows, displacing its neighbour if need be.
  const labels: { x: number; w: number; text: string }[] = []
  const ticks = dateTicks(dates, maxDateTicks)
  ticks.forEach((d, i) => {
    const x = xOf(d)
    ops.push({ kind: 'line', x1: x, y1: plotBottom, x2: x, y2: plotBottom + 2, width: 0.5, color: '#888888' })
    const text = dateText(d)
    const w = measure(text, tickStyle.weight, tickStyle.size)
    const label = { x: Math.min(Math.max(x - w / 2, plotLeft - axisW / 2), width - w), w, text }
    const gap = 4
    const prev = labels[labels.length - 1]
    if (prev && label.x < prev.x + prev.w + gap) {
      if (i !== ticks.length - 1 || labels.length === 1) return
      labels.pop()
    }
    labels.push(label)
  })
  for (const l of labels) ops.push({ kind: 'text', x: l.x, y: plotBottom + 3, text: l.text, style: tickStyle, width: l.w })
  // Markers shrink as visits crowd the axis so 30 visits still read as a line, not a smear.
  const r = Math.max(0.9, Math.min(2, plotW / Math.max(1, dates.length) / 5))
  for (const s of spec.series) {
    const pts = [...s.points].sort((a, b) => a.date.localeCompare(b.date)).map((p): [number, number] => [xOf(p.date), yOf(p.value)])
    if (pts.length > 1) ops.push({ kind: 'polyline', points: pts, width: 1.1, color: s.color, ...(s.dash ? { dash: s.dash } : {}) })
    for (const [x, y] of pts) ops.push({ kind: 'marker', x, y, r, shape: s.marker, color: s.color })
  }
  let lx = plotLeft
  const ly = height - legendH + 2
  for (const s of spec.series) {
    ops.push({ kind: 'line', x1: lx, y1: ly + 4, x2: lx + 14, y2: ly + 4, width: 1.1, color: s.color, ...(s.dash ? { dash: s.dash } : {}) })
    ops.push({ kind: 'marker', x: lx + 7, y: ly + 4, r: 1.8, shape: s.marker, color: s.color })
    const label = s.points.length === 0 ? `${s.label} (not measured)` : s.label
    const t = alignedText(label, lx + 17, ly, 90, tickStyle, measure)
    ops.push(t)
    lx += 17 + (t.kind === 'text' ? t.width : 0) + 12
  }
  return { ops, height }
}
