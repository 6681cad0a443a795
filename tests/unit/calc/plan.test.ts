// The planned progression's week arithmetic, worked by hand on the 16-week short-foot plan 1, 5, 9, 13.
import { describe, expect, it } from 'vitest'
import { adherencePercent, adherencePeriods, plannedDaysBetween, plannedWeekdays } from '@shared/calc/adherence'
import { applyStageDecision, nextPlanned, parsePlannedWeeks, planAhead, planRowWeeks, plannedStageInWeek, type PlanState } from '@shared/calc/plan'

const shortFoot: PlanState = { stage: 0, plannedWeeks: [1, 5, 9, 13], shiftWeeks: 0 }

describe('planned progression', () => {
  it('says which stage comes next and from which week', () => {
    expect(nextPlanned(shortFoot)).toEqual({ stage: 1, week: 5 })
    expect(nextPlanned({ ...shortFoot, stage: 3 })).toBeNull()
    expect(nextPlanned({ stage: 1, plannedWeeks: [1, 5, null, null], shiftWeeks: 0 })).toEqual({ stage: 2, week: null })
  })
  it('advancing at the week-5 visit keeps the plan: standing on one foot from week 9', () => {
    const r = applyStageDecision(shortFoot, 'advance', 5, 4)
    expect(r).toEqual({ ok: true, stage: 1, shiftWeeks: 0 })
    expect(nextPlanned({ ...shortFoot, stage: 1, shiftWeeks: 0 })).toEqual({ stage: 2, week: 9 })
  })
  it('a hold at week 5 gives sitting another 4 weeks: later stages move 4 weeks (9, 13, 17)', () => {
    const held = applyStageDecision(shortFoot, 'hold', 5, 4)
    expect(held).toEqual({ ok: true, stage: 0, shiftWeeks: 4 })
    const after = { ...shortFoot, shiftWeeks: 4 }
    expect(nextPlanned(after)).toEqual({ stage: 1, week: 9 })
    expect(planAhead(after).map(planRowWeeks)).toEqual(['Now to week 8', 'Weeks 9–12', 'Weeks 13–16', 'From week 17'])
    // Advancing at week 9 then keeps the shifted plan: one foot from week 13.
    const advanced = applyStageDecision(after, 'advance', 9, 4)
    expect(advanced).toEqual({ ok: true, stage: 1, shiftWeeks: 4 })
    expect(nextPlanned({ stage: 1, plannedWeeks: [1, 5, 9, 13], shiftWeeks: 4 })).toEqual({ stage: 2, week: 13 })
  })
  it('a hold before the next stage is due moves nothing', () => {
    expect(applyStageDecision(shortFoot, 'hold', 3, 4)).toEqual({ ok: true, stage: 0, shiftWeeks: 0 })
  })
  it('a step back at week 10 from one foot (stage 3) to both feet: both feet runs 4 weeks from week 10, one foot from 14', () => {
    const r = applyStageDecision({ ...shortFoot, stage: 2 }, 'step_back', 10, 4)
    // anchor stage 2 (planned week 5) at week 10 → shift 5 → one foot 9 + 5 = 14
    expect(r).toEqual({ ok: true, stage: 1, shiftWeeks: 5 })
    expect(nextPlanned({ ...shortFoot, stage: 1, shiftWeeks: 5 })).toEqual({ stage: 2, week: 14 })
  })
  it('refuses to advance past the last stage or step back from the first', () => {
    expect(applyStageDecision({ ...shortFoot, stage: 3 }, 'advance', 14, 4)).toEqual({ ok: false, message: 'This exercise is at its last stage' })
    expect(applyStageDecision(shortFoot, 'step_back', 2, 4)).toEqual({ ok: false, message: 'This exercise is at its first stage' })
  })
  it('reads the stage the original plan expects in a week', () => {
    expect([1, 4, 5, 12, 13, 16].map((w) => plannedStageInWeek([1, 5, 9, 13], w))).toEqual([0, 0, 1, 2, 3, 3])
    expect(plannedStageInWeek([1, 5, null, null], 16)).toBe(1)
  })
  it('prints the plan ahead with unplanned stages left to the therapist', () => {
    const barefoot = { stage: 0, plannedWeeks: [1, 5, null, null], shiftWeeks: 0 }
    expect(planAhead(barefoot).map(planRowWeeks)).toEqual(['Now to week 4', 'From week 5', 'When your therapist allows it', 'When your therapist allows it'])
  })
  it('parses the plan as typed', () => {
    expect(parsePlannedWeeks('1, 5, 9,13')).toEqual([1, 5, 9, 13])
    expect(parsePlannedWeeks('1, 5, –, -')).toEqual([1, 5, null, null])
    expect(parsePlannedWeeks('')).toBeNull()
    expect(parsePlannedWeeks('1, five')).toBe('invalid')
  })
})

describe('adherence', () => {
  it('spreads the planned days of a week evenly', () => {
    expect(plannedWeekdays(7)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(plannedWeekdays(3)).toEqual([0, 2, 4])
    expect(plannedWeekdays(5)).toEqual([0, 1, 2, 4, 5])
  })
  it('counts the planned days between two visits', () => {
    // Start Mon 2026-01-05; visit 2026-02-02 is 28 days later: 28 days at 7/week, 12 at 3/week.
    expect(plannedDaysBetween('2026-01-05', '2026-01-05', '2026-02-02', 7)).toBe(28)
    expect(plannedDaysBetween('2026-01-05', '2026-01-05', '2026-02-02', 3)).toBe(12)
    // 2026-01-07 (day 2, planned) to 2026-01-12 (day 7): days 2, 4 → 2
    expect(plannedDaysBetween('2026-01-05', '2026-01-07', '2026-01-12', 3)).toBe(2)
  })
  it('gives whole percent, none when nothing was planned', () => {
    expect(adherencePercent(21, 28)).toBe(75)
    expect(adherencePercent(13, 28)).toBe(46)
    expect(adherencePercent(0, 0)).toBeNull()
  })
})

describe('adherence per period', () => {
  it('lists each period between visits and the overall share, weighted by planned days', () => {
    const program = { startDate: '2026-01-05' }
    const visits = [
      { visitDate: '2026-01-05', adherence: null },
      { visitDate: '2026-02-02', adherence: { daysPlanned: 28, daysDone: 10 } },
      { visitDate: '2026-03-02', adherence: null },
      { visitDate: '2026-03-30', adherence: { daysPlanned: 28, daysDone: 21 } },
    ]
    const { periods, overall } = adherencePeriods(visits, program)
    // 10/28 = 35.7 → 36 %; 21/28 = 75 %; overall 31/56 = 55.4 → 55 %
    expect(periods).toEqual([
      { from: '2026-01-05', to: '2026-02-02', daysPlanned: 28, daysDone: 10, percent: 36 },
      { from: '2026-03-02', to: '2026-03-30', daysPlanned: 28, daysDone: 21, percent: 75 },
    ])
    expect(overall).toEqual({ daysPlanned: 56, daysDone: 31, percent: 55 })
    expect(adherencePeriods(visits, program, '2026-02-02').overall).toEqual({ daysPlanned: 28, daysDone: 10, percent: 36 })
  })
})
