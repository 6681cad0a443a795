// Pure layout: wrapping, cutting, paginating, tables, charts and program-change wording, without a PDF.
import { describe, expect, it } from 'vitest'
import type { Exercise } from '@shared/domain/exercise'
import type { Program, ProgramItem } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { BUILTIN_SLUGS } from '@shared/exercises/catalog'
import { factsBlock } from '../../../src-main/core/pdf/blocks'
import { chartYAxis, dateTicks, layoutChart, niceScale, stepDecimals } from '../../../src-main/core/pdf/chart'
import { chartSpecs } from '../../../src-main/core/pdf/progress-report'
import { calendarBlock, layoutHandout, stageLines } from '../../../src-main/core/pdf/handout'
import {
  contentBox,
  createFlow,
  cutPoint,
  textLines,
  ellipsize,
  lineHeight,
  opBounds,
  PAGE_POINTS,
  pageGeometry,
  style,
  wrapText,
  documentDate,
  type Measure,
  type Op,
} from '../../../src-main/core/pdf/layout'
import { describeProgramUpdate } from '../../../src-main/core/pdf/program-changes'
import { loadDrawing, parseDrawing } from '../../../src-main/core/pdf/illustrations'
import { layoutTable } from '../../../src-main/core/pdf/table'
import { decodeLogo } from '../../../src-main/core/pdf/logo'
import { LOGO_PNG } from './fixtures'

/** Every character 0.6 em wide: close to DejaVu Sans, and exact arithmetic for the assertions. */
const mono: Measure = (text, _weight, size) => Array.from(text).length * size * 0.6
const body = style(10)

function insidePage(ops: Op[], pageSize: 'A4' | 'Letter') {
  const { width, height } = PAGE_POINTS[pageSize]
  return ops.filter((op) => {
    const b = opBounds(op)
    return b.x1 < 0 || b.y1 < 0 || b.x2 > width + 0.01 || b.y2 > height + 0.01
  })
}

describe('wrapping and cutting text', () => {
  it('never makes a line wider than asked, and keeps every word in order', () => {
    const text = 'Draw the ball of your foot towards your heel so that the arch lifts, toes long and flat.'
    const lines = wrapText(text, 120, mono, body)
    expect(lines.length).toBeGreaterThan(3)
    for (const l of lines) expect(mono(l, 'regular', 10)).toBeLessThanOrEqual(120)
    expect(lines.join(' ')).toBe(text)
  })

  it('breaks a word longer than the line, and keeps blank lines the therapist typed', () => {
    const lines = wrapText(`${'x'.repeat(50)}\n\nnext`, 60, mono, body)
    expect(lines.slice(0, 5)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx'])
    expect(lines.slice(5)).toEqual(['', 'next'])
  })

  it('keeps a date on one line, and breaks it at its spaces only when it alone is wider than the line', () => {
    const text = `Baseline ${documentDate('2026-05-04', 'en')}`
    // 60 pt holds 10 characters: "Baseline 4" would fit, but the date stays whole.
    expect(wrapText(text, 60, mono, body)).toEqual(['Baseline', '4\u00a0May\u00a02026'])
    expect(wrapText(documentDate('2026-05-04', 'en'), 30, mono, body)).toEqual(['4 May', '2026'])
  })

  it('cuts a single line with an ellipsis only when it does not fit', () => {
    expect(ellipsize('Short', 100, mono, body)).toBe('Short')
    const cut = ellipsize('Fußwerk Physiotherapie Kraków und Umgebung', 90, mono, body)
    expect(cut.endsWith('…')).toBe(true)
    expect(mono(cut, 'regular', 10)).toBeLessThanOrEqual(90)
  })
})

describe('pages', () => {
  it('uses A4 and Letter sizes in points', () => {
    expect(pageGeometry('A4')).toMatchObject({ width: 595.28, height: 841.89 })
    expect(pageGeometry('Letter')).toMatchObject({ width: 612, height: 792 })
  })

  it('splits a long paragraph across pages line by line, never below the content box', () => {
    const g = pageGeometry('A4')
    const box = contentBox(g)
    const flow = createFlow(g, mono)
    flow.paragraph('word '.repeat(3000), body)
    const pages = flow.pages()
    expect(pages.length).toBeGreaterThan(1)
    for (const ops of pages) {
      for (const op of ops) {
        const b = opBounds(op)
        expect(b.y1).toBeGreaterThanOrEqual(box.top)
        expect(b.y2).toBeLessThanOrEqual(box.bottom + 0.01)
        expect(b.x2).toBeLessThanOrEqual(box.right + 0.01)
      }
    }
  })

  it('moves a block that does not fit to the next page instead of splitting it', () => {
    const g = pageGeometry('Letter')
    const box = contentBox(g)
    const flow = createFlow(g, mono)
    flow.keep({ ops: [], height: box.bottom - box.top - 50 })
    flow.keep({ ops: [{ kind: 'rect', x: box.left, y: 0, w: 10, h: 100, stroke: '#000', fill: null, lineWidth: 1 }], height: 100 })
    const pages = flow.pages()
    expect(pages).toHaveLength(2)
    expect(pages[1]![0]).toMatchObject({ kind: 'rect', y: box.top })
  })
})

describe('blocks taller than a page', () => {
  it('are cut between lines, so every line lands inside a content box', () => {
    const g = pageGeometry('A4')
    const box = contentBox(g)
    const flow = createFlow(g, mono)
    flow.paragraph('Heading', body)
    const lines = Array.from({ length: 200 }, (_, i) => `Step ${i + 1}: a long custom exercise step.`)
    const block = textLines(lines, box.left, 0, body, mono)
    flow.keep(block)
    const pages = flow.pages()
    expect(pages.length).toBeGreaterThan(2)
    const texts = pages.flatMap((ops, page) => ops.map((op) => ({ op, page })))
    expect(texts.filter((t) => t.op.kind === 'text')).toHaveLength(201)
    for (const { op } of texts) {
      const b = opBounds(op)
      expect(b.y1).toBeGreaterThanOrEqual(box.top - 0.01)
      expect(b.y2).toBeLessThanOrEqual(box.bottom + 0.01)
    }
  })

  it('finds a cut between two lines rather than through one', () => {
    const lh = lineHeight(body)
    const { ops } = textLines(['one', 'two', 'three'], 0, 0, body, mono)
    expect(cutPoint(ops, 2.5 * lh)).toBeCloseTo(2 * lh, 5)
  })
})

describe('blocks', () => {
  it('gives a 120-character name a row of its own and wraps it inside the width', () => {
    const name = 'N'.repeat(60) + ' ' + 'M'.repeat(59)
    const block = factsBlock(
      [
        ['Patient', name],
        ['Therapist', 'Anna Nowak'],
      ],
      400,
      mono,
    )
    const texts = block.ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text')
    for (const t of texts) expect(t.x + t.width).toBeLessThanOrEqual(400)
    const therapist = texts.find((t) => t.text === 'Anna Nowak')!
    const nameLines = texts.filter((t) => /^[NM]+$/.test(t.text))
    expect(nameLines.length).toBeGreaterThan(1)
    expect(therapist.y).toBeGreaterThan(Math.max(...nameLines.map((t) => t.y)))
  })

  it('wraps table cells inside their column and grows the row', () => {
    const t = layoutTable(
      [
        { header: 'Measure', share: 1 },
        { header: 'Assessment', share: 1 },
      ],
      [['Foot length', 'exceeds smallest meaningful change (2.0 mm)']],
      200,
      mono,
      { size: 8 },
    )
    const cells = t.ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text')
    for (const c of cells.filter((c) => c.x >= 100)) expect(c.x + c.width).toBeLessThanOrEqual(200)
    expect(t.height).toBeGreaterThan(3 * lineHeight(style(8)))
  })

  it('has a tick-box row for every program week', () => {
    const cal = calendarBlock('2026-05-04', 16, 500, mono)
    const boxes = cal.ops.filter((o) => o.kind === 'rect' && o.fill === null)
    expect(boxes).toHaveLength(16 * 7)
    const heads = cal.ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text' && /^[A-Z][a-z]{2}$/.test(o.text))
    expect(heads.map((h) => h.text)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
  })

  it('marks the planned days when fewer than seven a week: 3 a week → boxes on days 1, 3, 5, the rest shaded', () => {
    const cal = calendarBlock('2026-05-04', 16, 500, mono, Infinity, 3)
    const boxes = cal.ops.filter((o) => o.kind === 'rect' && o.fill === null)
    const rest = cal.ops.filter((o) => o.kind === 'rect' && o.fill === '#d9dde2')
    expect([boxes.length, rest.length]).toEqual([16 * 3, 16 * 4])
    const note = cal.ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text').map((o) => o.text).join(' ')
    expect(note).toContain('Your exercise days: 3 a week')
    // The first week's boxes sit under Mon, Wed and Fri (the start is a Monday).
    const firstRow = boxes.slice(0, 3).map((b) => (b as Extract<Op, { kind: 'rect' }>).x)
    const cellW = (500 - 118) / 7
    expect(firstRow.map((x) => Math.floor((x - 118) / cellW))).toEqual([0, 2, 4])
  })

  it('says the current stage and what comes next, or that it is the last one', () => {
    const e = { stages: ['Sitting', 'Standing on both feet'] }
    expect(stageLines(e, 0)).toEqual({ now: 'Stage now: 1 of 2 – Sitting.', next: 'Next: Standing on both feet – when your therapist says you are ready.' })
    expect(stageLines(e, 1).next).toMatch(/last stage/)
  })
})

describe('charts', () => {
  it('picks round axis bounds and enough decimals that ticks differ', () => {
    expect(niceScale([249.5, 252])).toEqual({ min: 249.5, max: 252, step: 0.5 })
    expect(stepDecimals(0.5)).toBe(1)
    expect(stepDecimals(0.005)).toBe(3)
    expect(stepDecimals(5)).toBe(0)
    const flat = niceScale([60, 60])
    expect(flat.max).toBeGreaterThan(flat.min)
  })

  it('gives a change within measurement error room: the y axis spans at least four smallest meaningful changes', () => {
    // Arch height 58.0 → 58.5 mm, smallest meaningful change 3 mm: the axis spans at least 12 mm.
    const visit = (id: number, visitDate: string, archHeightMm: number) =>
      ({ id, visitDate, left: { footLengthMm: 250, truncatedFootLengthMm: null, archHeightMm, archHeightMethod: 'dorsal_50', navicularSittingMm: null, navicularStandingMm: null }, right: null }) as unknown as Visit
    const specs = chartSpecs([visit(1, '2026-05-04', 58), visit(2, '2026-08-24', 58.5)], { ...DEFAULT_SETTINGS, smcArchHeightMm: 3, smcFootLengthMm: 2 })
    const arch = specs.find((s) => s.title === 'Arch height (mm)')!
    expect(arch.minSpan).toBe(12)
    const axis = chartYAxis(arch)
    expect(axis.max - axis.min).toBeGreaterThanOrEqual(12)
    expect(axis.min).toBeLessThanOrEqual(58)
    expect(axis.max).toBeGreaterThanOrEqual(58.5)
    // The drawn chart: the tick labels on the y axis run over at least 12 mm, and the two
    // points lie within an eighth of the plot's height of each other.
    const chart = layoutChart(arch, 250, 150, mono)
    const ticks = chart.ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text' && /^\d+(\.\d+)?$/.test(o.text)).map((o) => Number(o.text))
    expect(Math.max(...ticks) - Math.min(...ticks)).toBeGreaterThanOrEqual(12)
    // Data markers sit above the legend (the bottom 12 pt); the plot is 104 pt high.
    const ys = chart.ops.filter((o): o is Extract<Op, { kind: 'marker' }> => o.kind === 'marker' && o.y < 150 - 12).map((m) => m.y)
    expect(ys).toHaveLength(2)
    expect(Math.abs(ys[0]! - ys[1]!)).toBeLessThan(104 / 8)
    // Foot length did not change at all: still an axis 8 mm high (4 × 2 mm), not a 2 % pad.
    const length = chartYAxis(specs.find((s) => s.title === 'Foot length (mm)')!)
    expect(length.max - length.min).toBeGreaterThanOrEqual(8)
    // Values that cannot be negative never get a negative axis.
    expect(niceScale([0.5, 1], 5, 8).min).toBe(0)
  })

  it('shows at most the date labels that fit, always the first and last visit', () => {
    const dates = Array.from({ length: 30 }, (_, i) => `2026-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`)
    const ticks = dateTicks(dates, 6)
    expect(ticks).toHaveLength(6)
    expect(ticks[0]).toBe(dates[0])
    expect(ticks[5]).toBe(dates[29])
  })

  it('keeps a 30-visit chart inside its box with smaller markers', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ date: `2026-0${1 + Math.floor(i / 10)}-${String(1 + (i % 10) * 2).padStart(2, '0')}`, value: 58 + i / 10 }))
    const chart = layoutChart(
      { title: 'Arch height (mm)', unit: 'mm', series: [{ label: 'Left', color: '#00f', marker: 'circle', points }] },
      250,
      150,
      mono,
    )
    for (const op of chart.ops) {
      const b = opBounds(op)
      expect(b.x1).toBeGreaterThanOrEqual(-0.01)
      expect(b.x2).toBeLessThanOrEqual(250.01)
      expect(b.y2).toBeLessThanOrEqual(150.01)
    }
    const markers = chart.ops.filter((o): o is Extract<Op, { kind: 'marker' }> => o.kind === 'marker')
    expect(markers.length).toBe(31)
    expect(markers[0]!.r).toBeLessThan(2)
  })
})

const exercise = (id: number, name: string, stages: string[], illustration: string | null): Exercise => ({
  id,
  version: 1,
  slug: illustration,
  name,
  purpose: '',
  steps: ['Put your foot flat on the floor, relaxed.', 'Draw the ball of your foot towards your heel so that the arch lifts.', 'Hold, then relax slowly.'],
  mistakes: ['Curling the toes.', 'Holding your breath.'],
  stages,
  safety: name.startsWith('Minimalist') ? 'Stop and call the clinic if the top of the midfoot hurts.' : '',
  illustration,
  builtin: true,
  language: 'en',
  translations: [],
  dosage: { sets: 3, reps: 10, repsText: null, holdSeconds: 5, minutes: null, timesPerDay: 1, daysPerWeek: 7, stage: 0, notes: '' },
})

const item = (e: Exercise, position: number, over: Partial<ProgramItem> = {}): ProgramItem => ({
  id: position + 1,
  exerciseId: e.id,
  exerciseName: e.name,
  stages: e.stages,
  position,
  ...e.dosage,
  plannedWeeks: null,
  planShiftWeeks: 0,
  ...over,
})

describe('handout layout', () => {
  const exercises = [
    exercise(1, 'Towel crumpling', ['Sitting', 'Weighted', 'Standing'], 'towel-crumpling'),
    exercise(2, 'Short-foot exercise', ['Sitting', 'Standing', 'One foot', 'Functional'], 'short-foot'),
    exercise(3, 'Minimalist shoes / barefoot transition', ['Barefoot at home', 'Walking'], 'barefoot-transition'),
  ]
  const program: Program = {
    id: 1,
    version: 1,
    patientId: 1,
    therapistId: 1,
    therapistName: 'Anna Nowak',
    name: 'Foot core — 16 weeks',
    startDate: '2026-05-04',
    reviewDate: '2026-08-24',
    endDate: null,
    endReason: null,
    status: 'active',
    reviewRecordedOn: null,
    items: exercises.map((e, i) => item(e, i)),
    createdAt: '',
    updatedAt: '',
  }

  for (const pageSize of ['A4', 'Letter'] as const) {
    it(`fits the three-exercise 16-week program on two ${pageSize} pages, nothing outside the page`, () => {
      const pages = layoutHandout(
        { settings: { ...DEFAULT_SETTINGS, pageSize }, patient: { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien" }, program, exercises, printedOn: '2026-11-26' },
        mono,
      )
      expect(pages).toHaveLength(2)
      for (const ops of pages) expect(insidePage(ops, pageSize)).toEqual([])
      const texts = pages.flat().filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text').map((t) => t.text)
      expect(texts).toContain('Page 1 of 2')
      expect(texts).toContain('Page 2 of 2')
      expect(pages.flat().filter((o) => o.kind === 'drawing').map((o) => (o as { name: string }).name)).toEqual([
        'towel-crumpling',
        'short-foot',
        'barefoot-transition',
      ])
    })
  }
})

describe('program changes', () => {
  it('says which stage and dosage changed, in the dosage sentence', () => {
    const e = exercise(2, 'Short-foot exercise', ['Sitting', 'Standing on both feet'], 'short-foot')
    const before = { reviewDate: '2026-08-24', items: [item(e, 0)] } as Program
    const after = { reviewDate: '2026-08-31', items: [item(e, 0, { stage: 1, holdSeconds: 8 })] } as Program
    expect(describeProgramUpdate(before, after, new Map([[2, e]]))).toEqual([
      'Short-foot exercise: stage 1 (Sitting) → stage 2 (Standing on both feet)',
      'Short-foot exercise: “Hold 5 seconds. Do it 10 times, 3 sets, once a day.” → “Hold 8 seconds. Do it 10 times, 3 sets, once a day.”',
      // Dates as on the screens, with no-break spaces so a line never ends inside one.
      'Review date 24\u00a0Aug\u00a02026 → 31\u00a0Aug\u00a02026',
    ])
  })
})

describe('illustrations', () => {
  it('reads the viewBox and stroked paths of a drawing', () => {
    const d = parseDrawing('<svg viewBox="0 0 240 160"><path d="M 0 0 L 10 10" fill="none" stroke="#123456" stroke-width="2.4" stroke-dasharray="4 3"/></svg>')
    expect(d).toEqual({ width: 240, height: 160, paths: [{ d: 'M 0 0 L 10 10', fill: null, stroke: '#123456', strokeWidth: 2.4, dash: [4, 3] }] })
  })

  it('has a vector drawing for every built-in exercise', () => {
    for (const slug of Object.values(BUILTIN_SLUGS)) {
      const d = loadDrawing(slug)
      expect(d, slug).not.toBeNull()
      expect(d!.paths.length, slug).toBeGreaterThan(3)
    }
    expect(loadDrawing('../secrets')).toBeNull()
  })
})

describe('clinic logo', () => {
  it('reads the pixel size of a PNG or JPEG data URL, and ignores what it cannot read', () => {
    expect(decodeLogo(LOGO_PNG)).toMatchObject({ widthPx: 48, heightPx: 48 })
    // Smallest JPEG header with a SOF0 frame of 120 × 40.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x28, 0x00, 0x78, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01])
    expect(decodeLogo(`data:image/jpeg;base64,${jpeg.toString('base64')}`)).toMatchObject({ widthPx: 120, heightPx: 40 })
    expect(decodeLogo(null)).toBeNull()
    expect(decodeLogo('data:image/png;base64,AAAA')).toBeNull()
  })
})

describe('chart date labels', () => {
  it('leave out a label that would touch its neighbour and always show the last date', () => {
    const spec = {
      title: 'Arch height index',
      unit: '',
      series: [{ label: 'Left', color: '#1f5fa8', marker: 'circle' as const, points: ['2026-08-12', '2026-09-09', '2026-10-07', '2026-11-04', '2026-11-30'].map((date, i) => ({ date, value: 0.34 + i / 100 })) }],
    }
    const chart = layoutChart(spec, 250, 150, mono)
    const labels = chart.ops
      .filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text' && /^\d{1,2}\s[A-Z][a-z]{2}\s\d{4}$/.test(o.text))
      .map((o) => ({ ...o, text: o.text.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.x - b.x)
    // Written as on the screens ("12 Aug 2026"), never ISO.
    expect(labels[0]!.text).toBe('12 Aug 2026')
    expect(labels[labels.length - 1]!.text).toBe('30 Nov 2026')
    // 4 Nov is 26 days before the last date on a 110-day axis: too close, left out.
    expect(labels.map((l) => l.text)).not.toContain('4 Nov 2026')
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.x).toBeGreaterThan(labels[i - 1]!.x + labels[i - 1]!.width)
  })
})
