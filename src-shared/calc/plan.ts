// The planned progression of one program exercise: which stage the plan expects in which week, and
// how the therapist's confirmation at a visit (advance, hold, step back) moves the weeks still ahead.

/** Planned start week per stage (stage 1 = index 0); null = starts only when the therapist allows it. */
export type PlannedWeeks = (number | null)[]

export const STAGE_DECISIONS = ['advance', 'hold', 'step_back'] as const
export type StageDecision = (typeof STAGE_DECISIONS)[number]
export const STAGE_DECISION_LABELS: Record<StageDecision, string> = {
  advance: 'Advance',
  hold: 'Hold',
  step_back: 'Step back',
}

export interface PlanState {
  /** Current stage, 0-based. */
  stage: number
  plannedWeeks: PlannedWeeks | null
  /** Weeks the stages after the current one have moved (held or repeated stages). */
  shiftWeeks: number
}

/** Start week of each stage as the plan now stands: stages after the current one move by the shift. */
export function effectiveWeeks(p: PlanState): PlannedWeeks | null {
  if (p.plannedWeeks === null) return null
  return p.plannedWeeks.map((w, k) => (w === null ? null : k > p.stage ? w + p.shiftWeeks : w))
}

/** The next stage and the week the plan has it start (week null: when the therapist allows it). */
export function nextPlanned(p: PlanState): { stage: number; week: number | null } | null {
  const weeks = effectiveWeeks(p)
  if (weeks === null || p.stage + 1 >= weeks.length) return null
  return { stage: p.stage + 1, week: weeks[p.stage + 1] ?? null }
}

/** The stage the original plan expects in `week` (0-based), or null without a plan. */
export function plannedStageInWeek(plannedWeeks: PlannedWeeks | null, week: number): number | null {
  if (plannedWeeks === null) return null
  let stage = 0
  plannedWeeks.forEach((w, k) => {
    if (w !== null && w <= week) stage = k
  })
  return stage
}

export type DecisionResult = { ok: true; stage: number; shiftWeeks: number } | { ok: false; message: string }

/**
 * The therapist's confirmation at a visit in program week `week`:
 * - advance: the next stage starts now; later stages keep their planned spacing from here;
 * - hold, when the next stage was due: the current stage runs its planned length again from this
 *   week, and every later stage moves by as much (a hold before the next stage is due moves nothing);
 * - step back: the earlier stage runs its planned length again from this week.
 * `stageCount` is the exercise's number of stages.
 */
export function applyStageDecision(p: PlanState, decision: StageDecision, week: number, stageCount: number): DecisionResult {
  const planned = p.plannedWeeks
  // Re-anchors the plan so that stage `s` starts in `week`; stages without a planned week keep the shift.
  const anchor = (s: number) => {
    const w = planned?.[s]
    return w === null || w === undefined ? p.shiftWeeks : week - w
  }
  if (decision === 'advance') {
    if (p.stage + 1 >= stageCount) return { ok: false, message: 'This exercise is at its last stage' }
    return { ok: true, stage: p.stage + 1, shiftWeeks: anchor(p.stage + 1) }
  }
  if (decision === 'step_back') {
    if (p.stage === 0) return { ok: false, message: 'This exercise is at its first stage' }
    return { ok: true, stage: p.stage - 1, shiftWeeks: anchor(p.stage - 1) }
  }
  const next = nextPlanned(p)
  const due = next !== null && next.week !== null && week >= next.week
  return { ok: true, stage: p.stage, shiftWeeks: due ? anchor(p.stage) : p.shiftWeeks }
}

export interface PlanRow {
  stage: number
  /** True for the stage the patient is at now. */
  now: boolean
  /** Planned first week; null for a stage that starts only when the therapist allows it. */
  from: number | null
  /** Last week before the next planned stage; null when no later stage has a planned week. */
  to: number | null
}

/** The plan from the current stage on, for the handout: weeks → stage. */
export function planAhead(p: PlanState): PlanRow[] {
  const weeks = effectiveWeeks(p)
  if (weeks === null) return []
  const rows: PlanRow[] = []
  for (let k = p.stage; k < weeks.length; k++) {
    const nextFrom = weeks.slice(k + 1).find((w) => w !== null) ?? null
    const from = weeks[k] ?? null
    rows.push({ stage: k, now: k === p.stage, from, to: from === null && k !== p.stage ? null : nextFrom === null ? null : nextFrom - 1 })
  }
  return rows
}

/** "Weeks 5–8", "From week 13", "When your therapist allows it" (the current stage: "Now to week 4"). */
export function planRowWeeks(r: PlanRow): string {
  if (r.now) return r.to === null ? 'Now' : `Now to week ${r.to}`
  if (r.from === null) return 'When your therapist allows it'
  if (r.to === null) return `From week ${r.from}`
  return r.to <= r.from ? `Week ${r.from}` : `Weeks ${r.from}–${r.to}`
}

/** Parses "1, 5, 9, 13" (a dash or empty for a stage without a planned week); null for an empty text. */
export function parsePlannedWeeks(text: string): PlannedWeeks | null | 'invalid' {
  if (text.trim() === '') return null
  const parts = text.split(',').map((s) => s.trim())
  const weeks: PlannedWeeks = []
  for (const part of parts) {
    if (part === '' || part === '-' || part === '–' || part === '—') weeks.push(null)
    else if (/^\d{1,2}$/.test(part)) weeks.push(Number(part))
    else return 'invalid'
  }
  return weeks
}

export function plannedWeeksText(weeks: PlannedWeeks | null): string {
  return weeks === null ? '' : weeks.map((w) => (w === null ? '–' : String(w))).join(', ')
}

const lowerFirst = (s: string) => (s === '' ? s : s.charAt(0).toLowerCase() + s.slice(1))

/** "Stage 1 of 4: Sitting". */
export function stageNow(stage: number, stages: string[]): string {
  return `Stage ${Math.min(stage + 1, stages.length)} of ${stages.length}: ${stages[stage] ?? ''}`
}

/** "planned: standing on both feet from week 5" (or when the therapist allows it; empty without a plan or at the last stage). */
export function plannedNext(p: PlanState, stages: string[]): string {
  const next = nextPlanned(p)
  if (next === null) return p.plannedWeeks === null ? '' : 'last stage of the plan'
  const name = lowerFirst(stages[next.stage] ?? `stage ${next.stage + 1}`)
  return next.week === null ? `next: ${name}, when the therapist allows it` : `planned: ${name} from week ${next.week}`
}
