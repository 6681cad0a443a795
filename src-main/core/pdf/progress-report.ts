// The four-month progress report: baseline against review per foot, charts over all visits,
// pain scores, the program followed, the therapist's comments and a signature line.
import { adherencePeriods, LOW_ADHERENCE_PERCENT } from '@shared/calc/adherence'
import { compareFoot, deriveFoot, footOf, type CompareRow, type CompareRowKey } from '@shared/calc/compare'
import { plannedStageInWeek } from '@shared/calc/plan'
import { programWeek } from '@shared/calc/review'
import { painChange, type PainChange } from '@shared/calc/measures'
import type { Exercise } from '@shared/domain/exercise'
import type { Patient } from '@shared/domain/patient'
import type { Program } from '@shared/domain/program'
import type { Settings } from '@shared/domain/settings'
import { SIDES, SYMPTOM_REGIONS, type Side, type Visit } from '@shared/domain/visit'
import { dosageSentence } from '@shared/exercises/dosage'
import { documentTranslator, type DocumentTranslate } from '@shared/i18n/documents'
import { en } from '@shared/i18n/documents/en'
import { formatDecimal, formatSigned } from '@shared/i18n/format'
import type { Language } from '@shared/i18n/languages'
import { factsBlock, heading, listBlock } from './blocks'
import { layoutChart, type ChartSeries, type ChartSpec } from './chart'
import { drawPages, openCanvas } from './draw'
import { withFurniture } from './furniture'
import { createFlow, documentDate, MUTED, pageGeometry, stack, style, textBlock, translate, type Block, type Measure, type Op, type TextStyle } from './layout'
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
  /** The report's language: the clinic's by default, or the patient's when printed for them. Default English. */
  language?: Language
}

const lang = (d: Pick<ProgressReportData, 'language'>): Language => d.language ?? 'en'
const tr = (d: Pick<ProgressReportData, 'language'>): DocumentTranslate => documentTranslator(lang(d))

/**
 * 'own': a baseline visit recorded under the program. 'earlier': the program has none, so the
 * latest baseline before its start is used (recorded under `program`, or under none). 'first_visit':
 * no baseline visit at all; the program's first visit stands in.
 */
export type BaselineSource = { kind: 'own' } | { kind: 'earlier'; program: Pick<Program, 'name' | 'startDate'> | null } | { kind: 'first_visit' }

/** The sentence under the measurements heading when the baseline is not the program's own. */
export function baselineSentence(d: Pick<ProgressReportData, 'baseline' | 'baselineSource' | 'language'>): string | null {
  const t = tr(d)
  const source = d.baselineSource ?? { kind: 'own' }
  const date = documentDate(d.baseline.visitDate, lang(d))
  if (source.kind === 'earlier') {
    return source.program
      ? t('report.baselineEarlierProgram', { date, program: source.program.name, started: documentDate(source.program.startDate, lang(d)) })
      : t('report.baselineEarlier', { date })
  }
  if (source.kind === 'first_visit') return t('report.baselineFirstVisit', { date })
  return null
}

export const REPORT_TITLE = en['report.title']
export const WITHIN_ERROR = en['report.withinError']
export const AT_OR_ABOVE_SMC = 'at or above smallest meaningful change'

const SIDE_KEY = { left: 'report.leftFoot', right: 'report.rightFoot' } as const
const SIDE_SHORT_KEY = { left: 'report.left', right: 'report.right' } as const
const SERIES_STYLE: Record<Side, Pick<ChartSeries, 'color' | 'dash' | 'marker'>> = {
  left: { color: '#1f5fa8', marker: 'circle' },
  right: { color: '#c0392b', dash: [3, 2], marker: 'square' },
}

export const isReview = (d: Pick<ProgressReportData, 'comparison'>) => d.comparison.kind === 'review'

/** Column header and heading wording: the review visit, or "latest visit" when there is no review yet. */
export function comparisonLabel(d: Pick<ProgressReportData, 'comparison' | 'language'>): string {
  return tr(d)(isReview(d) ? 'report.review' : 'report.latestVisit')
}

const mm = (v: number, language: Language) => `${formatDecimal(v, language, 1)} mm`
const value = (row: CompareRow, v: number | null, language: Language) => (v === null ? '—' : row.unit === 'mm' ? mm(v, language) : formatDecimal(v, language, 3))
const signedPercent = (v: number | null, language: Language) => (v === null ? '—' : `${formatSigned(v, language, 1)} %`)

/** The clinic's threshold for a measure, written with the decimals the comparison uses. */
function smcText(key: CompareRowKey, s: Settings, language: Language): string {
  if (key === 'footLength') return mm(s.smcFootLengthMm, language)
  if (key === 'archHeight') return mm(s.smcArchHeightMm, language)
  if (key === 'navicularDrop') return mm(s.smcNavicularDropMm, language)
  return formatDecimal(s.smcArchHeightIndex, language, 3)
}

const MEASURE_KEY = {
  footLength: 'measure.footLength',
  archHeight: 'measure.archHeight',
  archHeightIndex: 'measure.archHeightIndex',
  navicularDrop: 'measure.navicularDrop',
} as const

/** How a verdict cell is drawn: a real change in bold blue, measurement error in grey, worsening in red. */
type Emphasis = 'strong' | 'muted' | 'worse'
const EMPHASIS: Record<Emphasis, TextStyle> = {
  strong: style(8.5, 'bold', '#0b5394'),
  muted: style(8.5, 'regular', MUTED),
  worse: style(8.5, 'bold', '#8a1c1c'),
}

/** One table row per measure: baseline, later, change mm and %, and the verdict against the clinic's threshold. */
export function measureRow(row: CompareRow, settings: Settings, language: Language = 'en', emphasis?: (e: Emphasis) => void): string[] {
  const t = documentTranslator(language)
  const base = [t(MEASURE_KEY[row.key]), value(row, row.baseline, language), value(row, row.latest, language)]
  const verdict = (withinError: boolean) => {
    emphasis?.(withinError ? 'muted' : 'strong')
    return withinError ? t('report.withinError') : t('report.atOrAbove', { threshold: smcText(row.key, settings, language) })
  }
  if (row.change) {
    return [...base, `${formatSigned(row.change.deltaMm, language, 1)} mm`, signedPercent(row.change.percent, language), verdict(row.change.withinError)]
  }
  if (row.ratio) {
    return [...base, formatSigned(row.ratio.delta, language, 3), signedPercent(row.ratio.percent, language), verdict(row.ratio.withinError)]
  }
  const note = row.note === null ? t('measure.notBoth') : t('measure.differentMethods')
  return [...base, '—', '—', note]
}

export function footTable(side: Side, d: ProgressReportData, width: number, measure: Measure): Block {
  const t = tr(d)
  const language = lang(d)
  const title = textBlock(t(SIDE_KEY[side]), width, style(10, 'bold'), measure)
  const compared = compareFoot(footOf(d.baseline, side), footOf(d.comparison, side), d.settings)
  if (compared.length === 0) {
    const none = textBlock(t('report.notMeasured'), width, style(8.5, 'regular', MUTED), measure)
    return stack([title, none], 1)
  }
  const marks = new Map<number, Emphasis>()
  const rows = compared.map((r, i) => measureRow(r, d.settings, language, (e) => marks.set(i, e)))
  const later = documentDate(d.comparison.visitDate, language)
  const table = layoutTable(
    [
      { header: t('report.colMeasure'), share: 1.55 },
      { header: t('report.colBaselineDate', { date: documentDate(d.baseline.visitDate, language) }), share: 0.95, align: 'right' },
      { header: isReview(d) ? t('report.colReviewDate', { date: later }) : t('report.colLatestDate', { date: later }), share: 0.95, align: 'right' },
      { header: t('report.colChange'), share: 0.75, align: 'right' },
      { header: t('report.colChangePercent'), share: 0.75, align: 'right' },
      { header: t('report.colAssessment'), share: 2.3 },
    ],
    rows,
    width,
    measure,
    { cellStyle: (row, col) => (col === 5 && marks.has(row) ? EMPHASIS[marks.get(row)!] : null) },
  )
  return stack([title, table], 2)
}

type ChartMeasure = {
  key: CompareRowKey
  /** The clinic's smallest meaningful change of the measure. */
  smc: (s: Settings) => number
  title: 'chart.footLength' | 'chart.archHeight' | 'chart.archHeightIndex' | 'chart.navicularDrop'
  unit: string
  read: (v: Visit, side: Side) => number | null
}

const CHART_MEASURES: ChartMeasure[] = [
  { key: 'footLength', smc: (s) => s.smcFootLengthMm, title: 'chart.footLength', unit: 'mm', read: (v, s) => footOf(v, s)?.footLengthMm ?? null },
  { key: 'archHeight', smc: (s) => s.smcArchHeightMm, title: 'chart.archHeight', unit: 'mm', read: (v, s) => footOf(v, s)?.archHeightMm ?? null },
  { key: 'archHeightIndex', smc: (s) => s.smcArchHeightIndex, title: 'chart.archHeightIndex', unit: '', read: (v, s) => deriveFoot(footOf(v, s)).archHeightIndex },
  { key: 'navicularDrop', smc: (s) => s.smcNavicularDropMm, title: 'chart.navicularDrop', unit: 'mm', read: (v, s) => deriveFoot(footOf(v, s)).navicularDrop },
]

/** As on the screens: the y axis spans at least this many smallest meaningful changes. */
export const CHART_MIN_SPAN_SMCS = 4

/**
 * A chart per measure that has values, both feet on it; measures nobody took are left out. The
 * y axis spans at least four times the clinic's smallest meaningful change of the measure.
 */
export function chartSpecs(visits: Visit[], settings: Settings, language: Language = 'en'): ChartSpec[] {
  const t = documentTranslator(language)
  return CHART_MEASURES.flatMap((m): ChartSpec[] => {
    const series = SIDES.map(
      (side): ChartSeries => ({
        label: t(SIDE_SHORT_KEY[side]),
        ...SERIES_STYLE[side],
        points: visits.flatMap((v) => {
          const value = m.read(v, side)
          return value === null ? [] : [{ date: v.visitDate, value }]
        }),
      }),
    )
    return series.some((s) => s.points.length > 0) ? [{ title: t(m.title), unit: m.unit, series, minSpan: CHART_MIN_SPAN_SMCS * m.smc(settings), language }] : []
  })
}

export const PAIN_VERDICT = {
  improvement: en['pain.improvement'],
  worsening: en['pain.worsening'],
  none: en['pain.none'],
} as const
export const PAIN_RULE = { points: en['pain.rulePoints'], percent: en['pain.rulePercent'] } as const
const PAIN_VERDICT_KEY = { improvement: 'pain.improvement', worsening: 'pain.worsening', none: 'pain.none' } as const
const PAIN_RULE_KEY = { points: 'pain.rulePoints', percent: 'pain.rulePercent' } as const

/** "clinically important improvement (30 % or more and at least 1 point)": the verdict names the rule that applied. */
export function painVerdict(c: PainChange | null, language: Language = 'en'): string {
  const t = documentTranslator(language)
  if (c === null) return '—'
  return c.rule === null ? t('pain.none') : t('pain.verdictWithRule', { verdict: t(PAIN_VERDICT_KEY[c.verdict]), rule: t(PAIN_RULE_KEY[c.rule]) })
}

const painEmphasis = (c: PainChange | null): Emphasis | null => (c === null ? null : c.rule === null ? 'muted' : c.verdict === 'improvement' ? 'strong' : 'worse')

export const PAIN_RULE_NOTE = en['report.painRuleNote']

export function painTable(d: ProgressReportData, width: number, measure: Measure): Block | null {
  const t = tr(d)
  const marks = new Map<number, Emphasis>()
  const rows = SYMPTOM_REGIONS.flatMap((region) => {
    const before = d.baseline.symptoms[region]
    const after = d.comparison.symptoms[region]
    if (before === null && after === null) return []
    const imp = painChange(before, after)
    const verdict = painVerdict(imp, lang(d))
    const e = painEmphasis(imp)
    return [{ e, cells: [t(`symptom.${region}`), before === null ? '—' : `${before}/10`, after === null ? '—' : `${after}/10`, signedInt(imp === null ? null : imp.delta), verdict] }]
  }).map((r, i) => {
    if (r.e) marks.set(i, r.e)
    return r.cells
  })
  if (d.baseline.headacheDays !== null || d.comparison.headacheDays !== null) {
    const b = d.baseline.headacheDays
    const a = d.comparison.headacheDays
    const delta = a !== null && b !== null ? a - b : null
    rows.push([t('report.headacheDays'), b === null ? '—' : String(b), a === null ? '—' : String(a), signedInt(delta), ''])
  }
  if (rows.length === 0) return null
  return layoutTable(
    [
      { header: t('report.colPain'), share: 1.6 },
      { header: t('report.baseline'), share: 0.8, align: 'right' },
      { header: comparisonLabel(d), share: 0.9, align: 'right' },
      { header: t('report.colChange'), share: 0.7, align: 'right' },
      { header: t('report.colAssessment'), share: 2.2 },
    ],
    rows,
    width,
    measure,
    { cellStyle: (row, col) => (col === 4 && marks.has(row) ? EMPHASIS[marks.get(row)!] : null) },
  )
}

const signedInt = (v: number | null) => (v === null ? '—' : v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : '0')

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

export function programBlock(d: ProgressReportData, width: number, measure: Measure): Block {
  const t = tr(d)
  const language = lang(d)
  const date = (s: string) => documentDate(s, language)
  const stageText = (stage: number, stages: string[]) => t('report.stage', { stage: stage + 1, count: stages.length, name: stages[stage] ?? '' })
  const p = d.program
  if (!p) return textBlock(t('report.noProgram'), width, style(8.5, 'regular', MUTED), measure)
  const line =
    p.status === 'ended'
      ? t('report.programLineEnded', { name: p.name, start: date(p.startDate), end: p.endDate ? date(p.endDate) : '' })
      : t('report.programLineActive', { name: p.name, start: date(p.startDate), review: date(p.reviewDate) })
  const parts: Block[] = [textBlock(line, width, style(9, 'bold'), measure)]
  const at = d.comparison.visitDate
  const { week } = programWeek(p.startDate, p.reviewDate, at)
  const rows = [...p.items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const reached = stageReachedOn(item.exerciseId, item.stage, d.visits, at)
      const planned = plannedStageInWeek(item.plannedWeeks, week)
      return [item.exerciseName, stageText(reached, item.stages), planned === null ? t('report.noPlan') : stageText(planned, item.stages), dosageSentence(item, language)]
    })
  parts.push(
    layoutTable(
      [
        { header: t('report.colExercise'), share: 1.4 },
        { header: t('report.colStageReached', { date: date(at) }), share: 1.5 },
        { header: t('report.colPlannedWeek', { week }), share: 1.5 },
        { header: t('report.colDosage'), share: 2 },
      ],
      rows,
      width,
      measure,
    ),
  )
  if (d.programChanges.length > 0) {
    parts.push(textBlock(t('report.changesHeading'), width, style(9, 'bold'), measure))
    const lines = d.programChanges.map((c) => {
      const what = c.by ? t('report.changeLineBy', { date: date(c.date), by: c.by, lines: c.lines.join('; ') }) : t('report.changeLine', { date: date(c.date), lines: c.lines.join('; ') })
      return c.reason ? [what, t('report.changeReason', { reason: c.reason })].join(' ') : what
    })
    parts.push(listBlock(lines, () => '•', width, style(8.5), measure, 9))
  } else parts.push(textBlock(t('report.noChanges'), width, style(8.5, 'regular', MUTED), measure))
  return stack(parts, 4)
}

export const LOW_ADHERENCE_SENTENCE = en['report.lowAdherence']

/** Days done from the patient's calendar per period between visits and overall, up to the compared visit. */
export function adherenceBlock(d: ProgressReportData, width: number, measure: Measure): Block {
  const t = tr(d)
  const language = lang(d)
  const muted = style(8.5, 'regular', MUTED)
  if (!d.program) return textBlock(t('report.noProgramNoDays'), width, muted, measure)
  const { periods, overall } = adherencePeriods(d.visits, d.program, d.comparison.visitDate)
  if (overall === null) return textBlock(t('report.noAdherence'), width, muted, measure)
  const line = (done: number, planned: number, percent: number | null) => t('report.adherenceLine', { done, planned, percent: percent ?? 0 })
  const lines = periods.map((p) =>
    t('report.adherencePeriod', { from: documentDate(p.from, language), to: documentDate(p.to, language), line: line(p.daysDone, p.daysPlanned, p.percent) }),
  )
  const parts: Block[] = [
    listBlock(lines, () => '•', width, style(8.5), measure, 9),
    textBlock(t('report.adherenceOverall', { line: line(overall.daysDone, overall.daysPlanned, overall.percent) }), width, style(9, 'bold'), measure),
  ]
  if (overall.percent !== null && overall.percent < LOW_ADHERENCE_PERCENT) parts.push(textBlock(t('report.lowAdherence'), width, style(8.5), measure))
  return stack(parts, 3)
}

export function signatureBlock(therapistName: string, width: number, measure: Measure, language: Language = 'en'): Block {
  const t = documentTranslator(language)
  const lineW = Math.min(230, width / 2 - 20)
  const dateX = width / 2 + 20
  const s = style(8.5, 'regular', MUTED)
  const name = textBlock(t('report.signature', { name: therapistName }), lineW, s, measure)
  const ops: Op[] = [
    { kind: 'line', x1: 0, y1: 34, x2: lineW, y2: 34, width: 0.75, color: '#333333' },
    { kind: 'line', x1: dateX, y1: 34, x2: dateX + 140, y2: 34, width: 0.75, color: '#333333' },
    ...translate(name.ops, 0, 38),
    ...translate(textBlock(t('report.date'), 140, s, measure).ops, dateX, 38),
  ]
  return { ops, height: 38 + name.height }
}

/** Pure: the report's pages as drawing ops (header and footer included). */
export function layoutProgressReport(d: ProgressReportData, measure: Measure): Op[][] {
  const g = pageGeometry(d.settings.pageSize)
  const flow = createFlow(g, measure)
  const { left, width } = flow.box
  const place = (b: Block) => flow.keep({ ops: translate(b.ops, left, 0), height: b.height })
  const t = tr(d)
  const language = lang(d)
  const date = (s: string) => documentDate(s, language)
  const title = t('report.title')
  const therapist = d.program?.therapistName ?? d.comparison.therapistName
  const visits = [...d.visits].sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.id - b.id)
  const period = d.program
    ? d.program.endDate
      ? t('report.periodEnded', { from: date(d.program.startDate), to: date(d.program.endDate) })
      : t('report.periodReview', { from: date(d.program.startDate), to: date(d.program.reviewDate) })
    : t('report.periodEnded', { from: date(d.baseline.visitDate), to: date(d.comparison.visitDate) })

  place(heading(title, width, measure, 15))
  place(
    factsBlock(
      [
        [t('fact.patient'), `${d.patient.firstName} ${d.patient.lastName}`],
        [t('fact.dateOfBirth'), date(d.patient.dateOfBirth)],
        [t('fact.therapist'), therapist],
        [t('fact.programPeriod'), period],
      ],
      width,
      measure,
    ),
  )
  flow.space(6)
  const against = isReview(d)
    ? t('report.againstReview', { date: date(d.comparison.visitDate) })
    : t('report.againstLatest', { date: date(d.comparison.visitDate), kind: t(`visitKind.${d.comparison.kind}`) })
  place(heading(t('report.measurementsHeading', { date: date(d.baseline.visitDate), against }), width, measure, 11))
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
      t('report.smcNote', {
        footLength: mm(s.smcFootLengthMm, language),
        archHeight: mm(s.smcArchHeightMm, language),
        index: formatDecimal(s.smcArchHeightIndex, language, 3),
        navicularDrop: mm(s.smcNavicularDropMm, language),
        method: t(`method.${d.comparison.left?.archHeightMethod ?? d.comparison.right?.archHeightMethod ?? s.archHeightMethod}`),
      }),
      width,
      style(7.5, 'regular', MUTED),
      measure,
    ),
  )
  flow.space(10)

  const specs = chartSpecs(visits, d.settings, language)
  if (specs.length > 0) {
    const gap = 14
    const chartW = (width - gap) / 2
    const chartH = 150
    const chartsTitle = heading(t('report.chartsHeading', { count: visits.length }), width, measure, 11)
    for (let i = 0; i < specs.length; i += 2) {
      const row = specs.slice(i, i + 2).map((spec) => layoutChart(spec, chartW, chartH, measure))
      const ops = row.flatMap((b, c) => translate(b.ops, c * (chartW + gap), 0))
      const block: Block = { ops, height: chartH + 8 }
      // The heading travels with the first row of charts.
      place(i === 0 ? stack([chartsTitle, block], 2) : block)
    }
    flow.space(6)
  }

  const pain = painTable(d, width, measure)
  place(heading(t('report.painHeading'), width, measure, 11))
  place(pain ?? textBlock(t('report.noPain'), width, style(8.5, 'regular', MUTED), measure))
  if (pain) place(textBlock(t('report.painRuleNote'), width, style(7.5, 'regular', MUTED), measure))
  flow.space(10)

  // Headings travel with their section so none is left alone at the foot of a page.
  place(stack([heading(t('report.programHeading'), width, measure, 11), programBlock(d, width, measure)], 0))
  flow.space(10)

  place(stack([heading(t('report.adherenceHeading'), width, measure, 11), adherenceBlock(d, width, measure)], 0))
  flow.space(10)

  place(heading(t('report.commentsHeading'), width, measure, 11))
  const notes = d.comparison.notes.trim()
  if (notes) flow.paragraph(notes, style(9.5), { indent: 0, gapAfter: 12 })
  else place(textBlock(t('report.noComments'), width, style(8.5, 'regular', MUTED), measure))
  flow.space(14)
  place(signatureBlock(therapist, width, measure, language))

  const logo = decodeLogo(d.settings.logoDataUrl)
  return withFurniture(flow.pages(), g, d.settings, logo, title, d.printedOn, measure, language)
}

export async function renderProgressReport(data: ProgressReportData): Promise<Buffer> {
  const title = tr(data)('report.title')
  const canvas = openCanvas({ title: `${title} – ${data.patient.firstName} ${data.patient.lastName}`, author: data.settings.clinicName, lang: lang(data) })
  const pages = layoutProgressReport(data, canvas.measure)
  return drawPages(canvas, data.settings.pageSize, pages)
}
