// Review dates and program weeks as the clinic counts them.
import { describe, expect, it } from 'vitest'
import { addDays, ageOn, daysBetween } from '@shared/calc/dates'
import { defaultReviewDate, programProgress, programWeek, proposedVisitKind, reviewStatus } from '@shared/calc/review'

describe('review date', () => {
  it('defaults to 16 weeks (112 days) after the start', () => {
    expect(defaultReviewDate('2026-01-05', 16)).toBe('2026-04-27')
    expect(daysBetween('2026-01-05', '2026-04-27')).toBe(112)
  })
  it('crosses a daylight-saving change and a leap day without shifting', () => {
    expect(defaultReviewDate('2028-02-01', 16)).toBe('2028-05-23')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
})

describe('program week', () => {
  it('is week 1 on the start date and week 6 after five full weeks', () => {
    expect(programWeek('2026-01-05', '2026-04-27', '2026-01-05')).toEqual({ week: 1, of: 16 })
    expect(programWeek('2026-01-05', '2026-04-27', '2026-02-09')).toEqual({ week: 6, of: 16 })
  })
  it('is week 0 before the start', () => {
    expect(programWeek('2026-01-05', '2026-04-27', '2026-01-01').week).toBe(0)
  })
})

describe('program progress', () => {
  const program = { startDate: '2026-01-05', reviewDate: '2026-04-27', reviewRecordedOn: null }
  it('never says "week 24 of 16": past the review date the review is overdue', () => {
    expect(programProgress(program, '2026-04-26')).toEqual({ kind: 'week', week: 16, of: 16 })
    expect(programProgress(program, '2026-04-27')).toEqual({ kind: 'review_due_today' })
    expect(programProgress(program, '2026-06-15')).toEqual({ kind: 'review_overdue', daysOverdue: 49 })
    expect(programProgress({ ...program, reviewRecordedOn: '2026-04-28' }, '2026-06-15')).toEqual({ kind: 'review_recorded', on: '2026-04-28' })
    expect(programProgress(program, '2026-01-04')).toEqual({ kind: 'not_started' })
  })
  it('caps the week at the planned length when the review date is a few days after a whole week', () => {
    expect(programProgress({ ...program, reviewDate: '2026-04-30' }, '2026-04-28')).toEqual({ kind: 'week', week: 16, of: 16 })
  })
})

describe('review status', () => {
  it('is due within 14 days, overdue after the date, upcoming before', () => {
    expect(reviewStatus('2026-04-27', '2026-04-20')).toBe('due')
    expect(reviewStatus('2026-04-27', '2026-04-28')).toBe('overdue')
    expect(reviewStatus('2026-04-27', '2026-03-01')).toBe('upcoming')
    expect(reviewStatus(null, '2026-03-01')).toBe('none')
  })
})

describe('age', () => {
  it('counts whole years, a leap-day birthday included', () => {
    expect(ageOn('1980-02-29', '2026-02-28')).toBe(45)
    expect(ageOn('1980-02-29', '2026-03-01')).toBe(46)
  })
})

describe('proposed kind of visit', () => {
  // Program 2026-01-05 → review 2026-04-27 (day 112); 14 days before is 2026-04-13.
  const program = { startDate: '2026-01-05', reviewDate: '2026-04-27', status: 'active' }
  const baseline = { visitDate: '2026-01-05', kind: 'baseline' as const }
  it('is the baseline for the first visit', () => {
    expect(proposedVisitKind([], program, '2026-01-05')).toBe('baseline')
  })
  it('is the four-month review from 14 days before the review date on, until the review is recorded', () => {
    expect(proposedVisitKind([baseline], program, '2026-04-12')).toBe('follow_up') // 15 days before
    expect(proposedVisitKind([baseline], program, '2026-04-13')).toBe('review') // 14 days before
    expect(proposedVisitKind([baseline], program, '2026-04-27')).toBe('review')
    expect(proposedVisitKind([baseline], program, '2026-06-01')).toBe('review') // overdue
    const reviewed = [baseline, { visitDate: '2026-04-20', kind: 'review' as const }]
    expect(proposedVisitKind(reviewed, program, '2026-04-27')).toBe('follow_up')
  })
  it('is a follow-up without an active program', () => {
    expect(proposedVisitKind([baseline], null, '2026-04-27')).toBe('follow_up')
    expect(proposedVisitKind([baseline], { ...program, status: 'ended' }, '2026-04-27')).toBe('follow_up')
  })
})
