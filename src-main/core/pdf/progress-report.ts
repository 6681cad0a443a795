// The four-month progress report: baseline against review per foot, charts over all visits,
// pain scores, the program followed, the therapist's comments and a signature line.
import { adherencePeriods, LOW_ADHERENCE_PERCENT } from '@shared/calc/adherence'
import { compareFoot, deriveFoot, footOf, type CompareRow, type CompareRowKey } from '@shared/calc/compare'
import { plannedStageInWeek } from '@shared/calc/plan'
import { programWeek } from '@shared/calc/review'
import { formatSignedMm, formatSignedPercent, painChange, type PainChange } from '@shared/calc/measures'
import type { Exercise } from '@shared/domain/exercise'
import type { Patient } from '@shared/domain/patient'
import type { Program } from '@shared/domain/program'
import { ARCH_HEIGHT_METHOD_LABELS, type Settings } from '@shared/domain/settings'
import { SIDES, SYMPTOM_LABELS, SYMPTOM_REGIONS, VISIT_KIND_LABELS, type Side, type Visit } from '@shared/domain/visit'
import { dosageSentence } from '@shared/exercises/dosage'
import { factsBlock, heading, listBlock } from './blocks'
import { layoutChart, type ChartSeries, type ChartSpec } from './chart'
import { drawPages, openCanvas } from './draw'
import { withFurniture } from './furniture'
import { createFlow, MUTED, pageGeometry, stack, style, textBlock, translate, type Block, type Measure, type Op, type TextStyle } from './layout'
import { decodeLogo } from './logo'
import type { ProgramChange } from './program-changes'
import { layoutTable } from './table'

export interface ProgressReportData {
  settings: Settings
  patient: Pick<Patient, 'firstName' | 'lastName' | 'dateOfBirth'>
  /** The program the report covers; null when visits exist without a program. */
  program: Program | null
  programChanges: ProgramChange[]
  exercises: Exercise[]
  /** Every visit the charts show, any order. */
  visits: Visit[]
  baseline: Visit
  /** Where the baseline comes from when the program has no baseline visit of its own; the report says so. */
  baselineSource?: BaselineSource
  /** The review visit, or the latest visit when there is no review yet. */
  comparison: Visit
  printedOn: string
}

/**
 * 'own': a baseline visit recorded under the program. 'earlier': the program has none, so the
 * latest baseline before its start is used (recorded under `program`, or under none). 'first_visit':
 * no baseline visit at all; the program's first visit stands in.
 */
export type BaselineSource = { kind: 'own' } | { kind: 'earlier'; program: Pick<Program, 'name' | 'startDate'> | null } | { kind: 'first_visit' }

/** The sentence under the measurements heading when the baseline is not the program's own. */
export function baselineSentence(d: Pick<ProgressReportData, 'baseline' | 'baselineSource'>): string | null {
  const source = d.baselineSource ?? { kind: 'own' }
  const date = d.baseline.visitDate
  if (source.kind === 'earlier') {
    return source.program
      ? `This program has no baseline visit of its own: the baseline is the visit of ${date}, recorded under the earlier program “${source.program.name}” (started ${source.program.startDate}).`
      : `This program has no baseline visit of its own: the baseline is the visit of ${date}, recorded before this program started.`
  }
  if (source.kind === 'first_visit') return `No baseline visit was recorded: the first visit of this program (${date}) stands in for the baseline.`
  return null
}

export const REPORT_TITLE = 'Progress report'
export const WITHIN_ERROR = 'within measurement error'
export const AT_OR_ABOVE_SMC = 'at or above smallest meaningful change'

const SIDE_LABEL: Record<Side, string> = { left: 'Left foot', right: 'Right foot' }
const SERIES_STYLE: Record<Side, Pick<ChartSeries, 'color' | 'dash' | 'marker'>> = {
  left: { color: '#1f5fa8', marker: 'circle' },
  right: { color: '#c0392b', dash: [3, 2], marker: 'square' },
}

export const isReview = (d: Pick<ProgressReportData, 'comparison'>) => d.comparison.kind === 'review'

/** Column header and heading wording: the review visit, or "latest visit" when there is no review yet. */
export function comparisonLabel(d: Pick<ProgressReportData, 'comparison'>): string {
  return isReview(d) ? 'Review' : 'Latest visit'
}

const value = (row: CompareRow, v: number | null) => (v === null ? '—' : row.unit === 'mm' ? `${v.toFixed(1)} mm` : v.toFixed(3))

/** The clinic's threshold for a measure, written with the decimals the comparison uses. */
function smcText(key: CompareRowKey, s: Settings): string {
  if (key === 'footLength') return `${s.smcFootLengthMm.toFixed(1)} mm`
  if (key === 'archHeight') return `${s.smcArchHeightMm.toFixed(1)} mm`
  if (key === 'navicularDrop') return `${s.smcNavicularDropMm.toFixed(1)} mm`
  return s.smcArchHeightIndex.toFixed(3)
}

/** One table row per measure: baseline, later, change mm and %, and the verdict against the clinic's threshold. */
export function measureRow(row: CompareRow, settings: Settings): string[] {
  const base = [row.label, value(row, row.baseline), value(row, row.latest)]
  const verdict = (withinError: boolean) => (withinError ? WITHIN_ERROR : `${AT_OR_ABOVE_SMC} (${smcText(row.key, settings)})`)
  if (row.change) {
    return [...base, formatSignedMm(row.change.deltaMm), formatSignedPercent(row.change.percent), verdict(row.change.withinError)]
  }
  if (row.ratio) {
    const d = row.ratio.delta
    const signed = d > 0 ? `+${d.toFixed(3)}` : d < 0 ? `−${Math.abs(d).toFixed(3)}` : d.toFixed(3)
    return [...base, signed, formatSignedPercent(row.ratio.percent), verdict(row.ratio.withinError)]
  }
  return [...base, '—', '—', row.note ?? 'not measured at both visits']
}

/** Verdicts stand out: a real change in bold blue, measurement error in grey. */
function verdictStyle(_row: number, _col: number, text: string): TextStyle | null {
  if (text.startsWith(AT_OR_ABOVE_SMC) || text.startsWith(PAIN_VERDICT.improvement)) return style(8.5, 'bold', '#0b5394')
  if (text === WITHIN_ERROR || text === PAIN_VERDICT.none) return style(8.5, 'regular', MUTED)
  if (text.startsWith(PAIN_VERDICT.worsening)) return style(8.5, 'bold', '#8a1c1c')
  return null
}

export function footTable(side: Side, d: ProgressReportData, width: number, measure: Measure): Block {
  const title = textBlock(SIDE_LABEL[side], width, style(10, 'bold'), measure)
  const rows = compareFoot(footOf(d.baseline, side), footOf(d.comparison, side), d.settings)
  if (rows.length === 0) {
    const none = textBlock('Not measured at these visits.', width, style(8.5, 'regular', MUTED), measure)
    return stack([title, none], 1)
  }
  const table = layoutTable(
    [
      { header: 'Measure', share: 1.55 },
      { header: `Baseline ${d.baseline.visitDate}`, share: 0.95, align: 'right' },
      { header: `${comparisonLabel(d)} ${d.comparison.visitDate}`, share: 0.95, align: 'right' },
      { header: 'Change', share: 0.75, align: 'right' },
      { header: 'Change %', share: 0.75, align: 'right' },
      { header: 'Assessment', share: 2.3 },
    ],
    rows.map((r) => measureRow(r, d.settings)),
    width,
    measure,
    { cellStyle: verdictStyle },
  )
  return stack([title, table], 2)
}

type ChartMeasure = { key: CompareRowKey; title: string; unit: string; read: (v: Visit, side: Side) => number | null }

const CHART_MEASURES: ChartMeasure[] = [
  { key: 'footLength', title: 'Foot length (mm)', unit: 'mm', read: (v, s) => footOf(v, s)?.footLengthMm ?? null },
  { key: 'archHeight', title: 'Arch height (mm)', unit: 'mm', read: (v, s) => footOf(v, s)?.archHeightMm ?? null },
  { key: 'archHeightIndex', title: 'Arch height index', unit: '', read: (v, s) => deriveFoot(footOf(v, s)).archHeightIndex },
  { key: 'navicularDrop', title: 'Navicular drop (mm)', unit: 'mm', read: (v, s) => deriveFoot(footOf(v, s)).navicularDrop },
]

/** A chart per measure that has values, both feet on it; measures nobody took are left out. */
export function chartSpecs(visits: Visit[]): ChartSpec[] {
  return CHART_MEASURES.flatMap((m): ChartSpec[] => {
    const series = SIDES.map(
      (side): ChartSeries => ({
        label: SIDE_LABEL[side].replace(' foot', ''),
        ...SERIES_STYLE[side],
        points: visits.flatMap((v) => {
          const value = m.read(v, side)
          return value === null ? [] : [{ date: v.visitDate, value }]
        }),
      }),
    )
    return series.some((s) => s.points.length > 0) ? [{ title: m.title, unit: m.unit, series }] : []
  })
}

export const PAIN_VERDICT = {
  improvement: 'clinically important improvement',
  worsening: 'clinically important worsening',
  none: 'no important change',
} as const
export const PAIN_RULE = { points: '2 points or more', percent: '30 % or more and at least 1 point' } as const

/** "clinically important improvement (30 % or more and at least 1 point)": the verdict names the rule that applied. */
export function painVerdict(c: PainChange | null): string {
  if (c === null) return '—'
  return c.rule === null ? PAIN_VERDICT.none : `${PAIN_VERDICT[c.verdict]} (${PAIN_RULE[c.rule]})`
}

export const PAIN_RULE_NOTE =
  'A change in pain is clinically important when it is at least 2 points, or at least 30 % of the baseline score and at least 1 point (Farrar et al. 2001); the same size upwards is a clinically important worsening. Neck pain and headaches are recorded to follow the patient’s symptoms: no study links foot exercises to their relief, and this report does not attribute their change to the program.'

export function painTable(d: ProgressReportData, width: number, measure: Measure): Block | null {
  const rows = SYMPTOM_REGIONS.flatMap((region) => {
    const before = d.baseline.symptoms[region]
    const after = d.comparison.symptoms[region]
    if (before === null && after === null) return []
    const imp = painChange(before, after)
    const verdict = painVerdict(imp)
    const delta = imp === null ? '—' : imp.delta > 0 ? `+${imp.delta}` : imp.delta < 0 ? `−${Math.abs(imp.delta)}` : '0'
    return [[SYMPTOM_LABELS[region], before === null ? '—' : `${before}/10`, after === null ? '—' : `${after}/10`, delta, verdict]]
  })
  if (d.baseline.headacheDays !== null || d.comparison.headacheDays !== null) {
    const b = d.baseline.headacheDays
    const a = d.comparison.headacheDays
    const delta = a !== null && b !== null ? a - b : null
    rows.push([
      'Headache days (last 4 weeks)',
      b === null ? '—' : String(b),
      a === null ? '—' : String(a),
      delta === null ? '—' : delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : '0',
      '',
    ])
  }
  if (rows.length === 0) return null
  return layoutTable(
    [
      { header: 'Pain (0–10)', share: 1.6 },
      { header: 'Baseline', share: 0.8, align: 'right' },
      { header: comparisonLabel(d), share: 0.9, align: 'right' },
      { header: 'Change', share: 0.7, align: 'right' },
      { header: 'Assessment', share: 2.2 },
    ],
    rows,
    width,
    measure,
    { cellStyle: verdictStyle },
  )
}

/** The stage an exercise had reached at `date`: the last confirmation on or before it, else the stage before the next one. */
export function stageReachedOn(exerciseId: number, currentStage: number, visits: Visit[], date: string): number {
  const steps = [...visits]
    .sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.id - b.id)
    .flatMap((v) => v.stageSteps.filter((s) => s.exerciseId === exerciseId).map((s) => ({ date: v.visitDate, s })))
  const before = steps.filter((x) => x.date <= date).pop()
  if (before) return before.s.stageAfter
  const after = steps.find((x) => x.date > date)
  return after ? after.s.stageBefore : currentStage
}

const stageText = (stage: number, stages: string[]) => `${stage + 1} of ${stages.length}: ${stages[stage] ?? ''}`

export function programBlock(d: ProgressReportData, width: number, measure: Measure): Block {
  const p = d.program
  if (!p) return textBlock('No program was assigned for this period.', width, style(8.5, 'regular', MUTED), measure)
  const status = p.status === 'ended' ? `ended ${p.endDate ?? ''}` : `review date ${p.reviewDate}`
  const parts: Block[] = [textBlock(`${p.name} · started ${p.startDate} · ${status}`, width, style(9, 'bold'), measure)]
  const at = d.comparison.visitDate
  const { week } = programWeek(p.startDate, p.reviewDate, at)
  const rows = [...p.items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const reached = stageReachedOn(item.exerciseId, item.stage, d.visits, at)
      const planned = plannedStageInWeek(item.plannedWeeks, week)
      return [item.exerciseName, stageText(reached, item.stages), planned === null ? 'no plan' : stageText(planned, item.stages), dosageSentence(item)]
    })
  parts.push(
    layoutTable(
      [
        { header: 'Exercise', share: 1.4 },
        { header: `Stage reached (${at})`, share: 1.5 },
        { header: `Planned for week ${week}`, share: 1.5 },
        { header: 'Dosage', share: 2 },
      ],
      rows,
      width,
      measure,
    ),
  )
  if (d.programChanges.length > 0) {
    parts.push(textBlock('Changes during the program', width, style(9, 'bold'), measure))
    const lines = d.programChanges.map((c) => {
      const who = c.by ? ` (${c.by})` : ''
      const why = c.reason ? ` Reason: ${c.reason}` : ''
      return `${c.date}${who}: ${c.lines.join('; ')}.${why}`
    })
    parts.push(listBlock(lines, () => '•', width, style(8.5), measure, 9))
  } else parts.push(textBlock('No dosage changes were made during the program.', width, style(8.5, 'regular', MUTED), measure))
  return stack(parts, 4)
}

export const LOW_ADHERENCE_SENTENCE =
  'Adherence was under 50 % of the planned days: the measured change should be read with that in mind.'

/** Days done from the patient's calendar per period between visits and overall, up to the compared visit. */
export function adherenceBlock(d: ProgressReportData, width: number, measure: Measure): Block {
  const muted = style(8.5, 'regular', MUTED)
  if (!d.program) return textBlock('No program, so no planned days.', width, muted, measure)
  const { periods, overall } = adherencePeriods(d.visits, d.program, d.comparison.visitDate)
  if (overall === null) return textBlock('No adherence was recorded at these visits.', width, muted, measure)
  const line = (done: number, planned: number, percent: number | null) => `${done} of ${planned} planned days (${percent ?? 0} %)`
  const lines = periods.map((p) => `${p.from} to ${p.to}: ${line(p.daysDone, p.daysPlanned, p.percent)}`)
  const parts: Block[] = [
    listBlock(lines, () => '•', width, style(8.5), measure, 9),
    textBlock(`Overall: ${line(overall.daysDone, overall.daysPlanned, overall.percent)}`, width, style(9, 'bold'), measure),
  ]
  if (overall.percent !== null && overall.percent < LOW_ADHERENCE_PERCENT) parts.push(textBlock(LOW_ADHERENCE_SENTENCE, width, style(8.5), measure))
  return stack(parts, 3)
}

export function signatureBlock(therapistName: string, width: number, measure: Measure): Block {
  const lineW = Math.min(230, width / 2 - 20)
  const dateX = width / 2 + 20
  const s = style(8.5, 'regular', MUTED)
  const name = textBlock(`Signature – ${therapistName}`, lineW, s, measure)
  const ops: Op[] = [
    { kind: 'line', x1: 0, y1: 34, x2: lineW, y2: 34, width: 0.75, color: '#333333' },
    { kind: 'line', x1: dateX, y1: 34, x2: dateX + 140, y2: 34, width: 0.75, color: '#333333' },
    ...translate(name.ops, 0, 38),
    ...translate(textBlock('Date', 140, s, measure).ops, dateX, 38),
  ]
  return { ops, height: 38 + name.height }
}

/** Pure: the report's pages as drawing ops (header and footer included). */
export function layoutProgressReport(d: ProgressReportData, measure: Measure): Op[][] {
  const g = pageGeometry(d.settings.pageSize)
  const flow = createFlow(g, measure)
  const { left, width } = flow.box
  const place = (b: Block) => flow.keep({ ops: translate(b.ops, left, 0), height: b.height })
  const therapist = d.program?.therapistName ?? d.comparison.therapistName
  const visits = [...d.visits].sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.id - b.id)
  const period = d.program
    ? `${d.program.startDate} to ${d.program.endDate ?? d.program.reviewDate}${d.program.endDate ? '' : ' (review date)'}`
    : `${d.baseline.visitDate} to ${d.comparison.visitDate}`

  place(heading(REPORT_TITLE, width, measure, 15))
  place(
    factsBlock(
      [
        ['Patient', `${d.patient.firstName} ${d.patient.lastName}`],
        ['Date of birth', d.patient.dateOfBirth],
        ['Therapist', therapist],
        ['Program period', period],
      ],
      width,
      measure,
    ),
  )
  flow.space(6)
  const against = isReview(d)
    ? `the four-month review (${d.comparison.visitDate})`
    : `the latest visit (${d.comparison.visitDate}, ${VISIT_KIND_LABELS[d.comparison.kind].toLowerCase()})`
  place(heading(`Measurements: baseline (${d.baseline.visitDate}) against ${against}`, width, measure, 11))
  const whichBaseline = baselineSentence(d)
  if (whichBaseline) {
    place(textBlock(whichBaseline, width, style(8.5, 'bold'), measure))
    flow.space(4)
  }
  for (const side of SIDES) {
    place(footTable(side, d, width, measure))
    flow.space(6)
  }
  const s = d.settings
  place(
    textBlock(
      `A change smaller than the clinic's smallest meaningful change (foot length ${s.smcFootLengthMm.toFixed(1)} mm, arch height ${s.smcArchHeightMm.toFixed(1)} mm, arch height index ${s.smcArchHeightIndex.toFixed(3)}, navicular drop ${s.smcNavicularDropMm.toFixed(1)} mm) is reported as ${WITHIN_ERROR}; a change at or above it is more than measurement error, not in itself an improvement. A change in foot length is reported without calling either direction better. Arch height method: ${ARCH_HEIGHT_METHOD_LABELS[d.comparison.left?.archHeightMethod ?? d.comparison.right?.archHeightMethod ?? s.archHeightMethod]}.`,
      width,
      style(7.5, 'regular', MUTED),
      measure,
    ),
  )
  flow.space(10)

  const specs = chartSpecs(visits)
  if (specs.length > 0) {
    const gap = 14
    const chartW = (width - gap) / 2
    const chartH = 150
    const title = heading(`Measurements over all visits (${visits.length})`, width, measure, 11)
    for (let i = 0; i < specs.length; i += 2) {
      const row = specs.slice(i, i + 2).map((spec) => layoutChart(spec, chartW, chartH, measure))
      const ops = row.flatMap((b, c) => translate(b.ops, c * (chartW + gap), 0))
      const block: Block = { ops, height: chartH + 8 }
      // The heading travels with the first row of charts.
      place(i === 0 ? stack([title, block], 2) : block)
    }
    flow.space(6)
  }

  const pain = painTable(d, width, measure)
  place(heading('Pain scores', width, measure, 11))
  place(pain ?? textBlock('No pain scores were recorded at these visits.', width, style(8.5, 'regular', MUTED), measure))
  if (pain) place(textBlock(PAIN_RULE_NOTE, width, style(7.5, 'regular', MUTED), measure))
  flow.space(10)

  // Headings travel with their section so none is left alone at the foot of a page.
  place(stack([heading('Program followed', width, measure, 11), programBlock(d, width, measure)], 0))
  flow.space(10)

  place(stack([heading('Adherence (from the patient’s calendar)', width, measure, 11), adherenceBlock(d, width, measure)], 0))
  flow.space(10)

  place(heading("Therapist's comments", width, measure, 11))
  const notes = d.comparison.notes.trim()
  if (notes) flow.paragraph(notes, style(9.5), { indent: 0, gapAfter: 12 })
  else place(textBlock('No comments were recorded at this visit.', width, style(8.5, 'regular', MUTED), measure))
  flow.space(14)
  place(signatureBlock(therapist, width, measure))

  const logo = decodeLogo(d.settings.logoDataUrl)
  return withFurniture(flow.pages(), g, d.settings, logo, REPORT_TITLE, d.printedOn, measure)
}

export async function renderProgressReport(data: ProgressReportData): Promise<Buffer> {
  const canvas = openCanvas({ title: `${REPORT_TITLE} – ${data.patient.firstName} ${data.patient.lastName}`, author: data.settings.clinicName })
  const pages = layoutProgressReport(data, canvas.measure)
  return drawPages(canvas, data.settings.pageSize, pages)
}
