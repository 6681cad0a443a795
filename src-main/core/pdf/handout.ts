// The patient handout: exercises with drawings, steps, dosage and stage, a safety note and a tick calendar.
import { plannedWeekdays } from '@shared/calc/adherence'
import { addDays, daysBetween } from '@shared/calc/dates'
import { planAhead, type PlanRow } from '@shared/calc/plan'
import { programWeek } from '@shared/calc/review'
import type { Exercise } from '@shared/domain/exercise'
import type { Patient } from '@shared/domain/patient'
import type { Program, ProgramItem } from '@shared/domain/program'
import type { Settings } from '@shared/domain/settings'
import { dosageSentence } from '@shared/exercises/dosage'
import { documentTranslator, type DocumentTranslate } from '@shared/i18n/documents'
import { en } from '@shared/i18n/documents/en'
import { weekdayShort, weekStartOnOrBefore } from '@shared/i18n/format'
import { languageNameIn, type Language } from '@shared/i18n/languages'
import { boxed, factsBlock, heading, listBlock } from './blocks'
import { drawPages, openCanvas } from './draw'
import { withFurniture } from './furniture'
import { loadDrawing } from './illustrations'
import {
  createFlow,
  documentDate,
  lineHeight,
  MUTED,
  pageGeometry,
  stack,
  style,
  textBlock,
  textLines,
  translate,
  type Block,
  type Measure,
  type Op,
} from './layout'
import { decodeLogo } from './logo'
import { layoutTable } from './table'

export interface HandoutData {
  settings: Settings
  patient: Pick<Patient, 'firstName' | 'lastName'>
  program: Program
  /** The program's exercises (any order); looked up by id for each program item. */
  exercises: Exercise[]
  /** YYYY-MM-DD, printed in the footer. */
  printedOn: string
  /** The handout's language (the patient's); exercises come already in it, or in the clinic's. Default English. */
  language?: Language
}

export const HANDOUT_TITLE = en['handout.title']

const ILLUSTRATION_W = 124
const ILLUSTRATION_H = 92
const COLUMN_GAP = 12

export function stageLines(exercise: Pick<Exercise, 'stages'>, stage: number, language: Language = 'en'): { now: string; next: string } {
  const t = documentTranslator(language)
  const n = exercise.stages.length
  const current = exercise.stages[stage] ?? exercise.stages[0] ?? ''
  const following = exercise.stages[stage + 1]
  return {
    now: t('handout.stageNow', { stage: Math.min(stage + 1, n), count: n, name: current }),
    next: following ? t('handout.stageNext', { name: following }) : t('handout.stageLast'),
  }
}


/** One exercise: drawing on the left, words on the right; kept on one page. */
export function exerciseBlock(index: number, item: ProgramItem, exercise: Exercise | undefined, width: number, measure: Measure, language: Language = 'en'): Block {
  const t = documentTranslator(language)
  const name = exercise?.name ?? item.exerciseName
  const hasDrawing = exercise?.illustration ? loadDrawing(exercise.illustration) !== null : false
  const textX = hasDrawing ? ILLUSTRATION_W + COLUMN_GAP : 0
  const textW = width - textX
  const body = style(8.5)
  const label = style(8.5, 'bold', '#1f3a5f')
  const parts: Block[] = [textBlock(`${index + 1}. ${name}`, textW, style(12, 'bold'), measure)]
  if (exercise && exercise.language !== language) {
    parts.push(textBlock(t('handout.exerciseInClinicLanguage', { language: languageNameIn(exercise.language, language) }), textW, style(7.5, 'regular', MUTED), measure))
  }
  parts.push(textBlock(dosageSentence(item, language), textW, style(10, 'bold', '#0b5394'), measure))
  if (item.notes) parts.push(textBlock(item.notes, textW, style(8.5, 'regular', MUTED), measure))
  if (exercise && exercise.steps.length > 0) {
    parts.push(textBlock(t('handout.howTo'), textW, label, measure))
    parts.push(listBlock(exercise.steps, (i) => `${i + 1}.`, textW, body, measure))
  }
  if (exercise && exercise.mistakes.length > 0) {
    parts.push(textBlock(t('handout.avoid'), textW, label, measure))
    parts.push(listBlock(exercise.mistakes, () => '•', textW, body, measure, 9))
  }
  if (exercise && exercise.stages.length > 0) {
    const { now, next } = stageLines(exercise, item.stage, language)
    parts.push(textBlock(now, textW, style(8.5, 'bold'), measure))
    parts.push(textBlock(next, textW, style(8.5, 'regular', MUTED), measure))
  }
  const plan = exercise ? planTable(item, exercise, textW, measure, language) : null
  if (plan) parts.push(plan)
  const text = stack(parts, 1.5)
  const ops: Op[] = translate(text.ops, textX, 0)
  if (hasDrawing && exercise?.illustration) {
    ops.push({ kind: 'rect', x: 0, y: 0, w: ILLUSTRATION_W, h: ILLUSTRATION_H, stroke: '#c9d1d9', fill: '#fbfcfd', lineWidth: 0.75 })
    ops.push({ kind: 'drawing', name: exercise.illustration, x: 4, y: 4, w: ILLUSTRATION_W - 8, h: ILLUSTRATION_H - 8 })
  }
  const height = Math.max(text.height, hasDrawing ? ILLUSTRATION_H : 0)
  return { ops: [...ops, { kind: 'line', x1: 0, y1: height + 7, x2: width, y2: height + 7, width: 0.4, color: '#d0d0d0' }], height: height + 12 }
}

/**
 * The plan ahead as a small table (weeks → stage and dosage), so the patient knows what comes
 * next; each step still waits for the therapist ("Next: … when your therapist says you are ready").
 */
/** "Now to week 4", "Weeks 5–8", "From week 13" in the document's language. */
export function planWeeksLabel(r: PlanRow, t: DocumentTranslate): string {
  if (r.now) return r.to === null ? t('plan.now') : t('plan.nowTo', { to: r.to })
  if (r.from === null) return t('plan.whenAllowed')
  if (r.to === null) return t('plan.from', { from: r.from })
  return r.to <= r.from ? t('plan.week', { from: r.from }) : t('plan.weeks', { from: r.from, to: r.to })
}

export function planTable(item: ProgramItem, exercise: Pick<Exercise, 'stages'>, width: number, measure: Measure, language: Language = 'en'): Block | null {
  const t = documentTranslator(language)
  const rows = planAhead({ stage: item.stage, plannedWeeks: item.plannedWeeks, shiftWeeks: item.planShiftWeeks })
  if (rows.length < 2) return null
  const dosage = dosageSentence(item, language)
  const title = textBlock(t('handout.plan'), width, style(8.5, 'bold', '#1f3a5f'), measure)
  const table = layoutTable(
    [
      { header: t('handout.planWeeks'), share: 1.1 },
      { header: t('handout.planStage'), share: 1.9 },
      { header: t('handout.planDosage'), share: 1.9 },
    ],
    rows.map((r) => [planWeeksLabel(r, t), exercise.stages[r.stage] ?? '', r.now ? dosage : t('handout.planLater')]),
    width,
    measure,
    { size: 7.5, padding: 2 },
  )
  return stack([title, table], 1)
}

export const GENERAL_SAFETY = en['handout.safety']

export function safetyBlock(data: HandoutData, exercises: Exercise[], width: number, measure: Measure): Block {
  const t = documentTranslator(data.language ?? 'en')
  const inner = width - 16
  const general = data.settings.phone ? [t('handout.safety'), t('handout.clinicPhone', { phone: data.settings.phone })].join(' ') : t('handout.safety')
  const parts: Block[] = [textBlock(t('handout.safetyTitle'), inner, style(10.5, 'bold', '#8a1c1c'), measure), textBlock(general, inner, style(8.5), measure)]
  for (const e of exercises.filter((x) => x.safety.trim() !== '')) {
    parts.push(textBlock(t('handout.exerciseSafety', { name: e.name, safety: e.safety }), inner, style(8.5, 'bold'), measure))
  }
  return boxed(stack(parts, 3), width, 8, '#fff7f5', '#e3b5ab')
}

/**
 * Rows are calendar weeks starting on the language's first day of the week (Monday in all five),
 * columns the seven days. Days before the start or after the last program day have no box; with
 * fewer than seven exercise days a week, only the planned days (counted from the start date, as
 * adherence is) get a box and the others are shaded rest days, so the patient ticks the days the
 * therapist counts at the next visit.
 */
export function calendarBlock(
  startDate: string,
  weeks: number,
  width: number,
  measure: Measure,
  maxHeight = Infinity,
  daysPerWeek = 7,
  language: Language = 'en',
): Block {
  const t = documentTranslator(language)
  const ops: Op[] = []
  const planned = new Set(plannedWeekdays(daysPerWeek))
  const title = textBlock(t('calendar.title'), width, style(10.5, 'bold', '#1f3a5f'), measure)
  ops.push(...title.ops)
  let y = title.height + 2
  if (planned.size < 7) {
    const note = textBlock(t('calendar.restDays', { count: planned.size }), width, style(8.5), measure)
    ops.push(...translate(note.ops, 0, y))
    y += note.height + 2
  }
  const first = weekStartOnOrBefore(startDate, language)
  const lead = daysBetween(first, startDate)
  const days = weeks * 7
  const rows = Math.ceil((lead + days) / 7)
  const labelW = 118
  const cellW = (width - labelW) / 7
  // Rows as tall as the page allows (easier to tick on the fridge), between 13 and 22 pt.
  const rowH = Math.max(13, Math.min(22, (maxHeight - y - lineHeight(style(8, 'bold')) - 6) / rows))
  const box = Math.min(10, rowH - 4)
  const head = style(8, 'bold')
  for (let d = 0; d < 7; d++) {
    const text = weekdayShort(addDays(first, d), language)
    const w = measure(text, head.weight, head.size)
    ops.push({ kind: 'text', x: labelW + d * cellW + (cellW - w) / 2, y, text, style: head, width: w })
  }
  y += lineHeight(head) + 1
  const rowStyle = style(8)
  for (let week = 0; week < rows; week++) {
    if (week % 2 === 0) ops.push({ kind: 'rect', x: 0, y, w: width, h: rowH, stroke: null, fill: '#f3f5f7', lineWidth: 0 })
    const from = week === 0 ? startDate : addDays(first, week * 7)
    const label = t('calendar.week', { week: week + 1, date: documentDate(from, language) })
    ops.push(...textLines([label], 3, y + (rowH - lineHeight(rowStyle)) / 2 + 1, rowStyle, measure).ops)
    for (let d = 0; d < 7; d++) {
      const day = week * 7 + d - lead
      if (day < 0 || day >= days) continue
      if (planned.has(day % 7)) {
        ops.push({ kind: 'rect', x: labelW + d * cellW + (cellW - box) / 2, y: y + (rowH - box) / 2, w: box, h: box, stroke: '#555555', fill: null, lineWidth: 0.6 })
      } else {
        ops.push({ kind: 'rect', x: labelW + d * cellW + 2, y: y + 2, w: cellW - 4, h: rowH - 4, stroke: null, fill: '#d9dde2', lineWidth: 0 })
      }
    }
    y += rowH
  }
  return { ops, height: y + 4 }
}

/** Pure: the handout's pages as drawing ops (header and footer included). */
export function layoutHandout(data: HandoutData, measure: Measure): Op[][] {
  const g = pageGeometry(data.settings.pageSize)
  const flow = createFlow(g, measure)
  const { left, width } = flow.box
  const place = (b: Block) => flow.keep({ ops: translate(b.ops, left, 0), height: b.height })
  const byId = new Map(data.exercises.map((e) => [e.id, e]))
  const { patient, program } = data
  const language = data.language ?? 'en'
  const t = documentTranslator(language)
  const title = t('handout.title')

  place(heading(title, width, measure, 15))
  place(
    factsBlock(
      [
        [t('fact.patient'), `${patient.firstName} ${patient.lastName}`],
        [t('fact.therapist'), program.therapistName],
        [t('fact.startDate'), documentDate(program.startDate, language)],
        [t('fact.reviewDate'), documentDate(program.reviewDate, language)],
      ],
      width,
      measure,
    ),
  )
  flow.space(6)
  const items = [...program.items].sort((a, b) => a.position - b.position)
  items.forEach((item, i) => place(exerciseBlock(i, item, byId.get(item.exerciseId), width, measure, language)))
  flow.space(4)
  const used = items.map((i) => byId.get(i.exerciseId)).filter((e): e is Exercise => e !== undefined)
  place(safetyBlock(data, used, width, measure))
  flow.space(10)
  const weeks = programWeek(program.startDate, program.reviewDate, program.startDate).of
  // Fill what is left of this page, or a whole new page when even the smallest rows would not fit.
  // A day is an exercise day when any exercise is planned on it.
  const daysPerWeek = Math.max(1, ...items.map((i) => i.daysPerWeek))
  const smallest = calendarBlock(program.startDate, weeks, width, measure, 0, daysPerWeek, language).height
  const room = smallest <= flow.remaining() ? flow.remaining() : flow.box.bottom - flow.box.top
  place(calendarBlock(program.startDate, weeks, width, measure, room, daysPerWeek, language))

  const logo = decodeLogo(data.settings.logoDataUrl)
  return withFurniture(flow.pages(), g, data.settings, logo, title, data.printedOn, measure, language)
}

export async function renderHandout(data: HandoutData): Promise<Buffer> {
  const title = documentTranslator(data.language ?? 'en')('handout.title')
  const canvas = openCanvas({ title: `${title} – ${data.patient.firstName} ${data.patient.lastName}`, author: data.settings.clinicName, lang: data.language ?? 'en' })
  const pages = layoutHandout(data, canvas.measure)
  return drawPages(canvas, data.settings.pageSize, pages)
}

