// Review dates, program weeks and whether a review is due.
import type { ReviewStatus } from '../domain/patient'
import type { VisitKind } from '../domain/visit'
import { addWeeks, daysBetween } from './dates'

/** The four-month review defaults to 16 weeks after the start. */
export function defaultReviewDate(startDate: string, intervalWeeks: number): string {
  return addWeeks(startDate, intervalWeeks)
}

/** "Week 6 of 16": week 1 is the first seven days from the start date. */
export function programWeek(startDate: string, reviewDate: string, today: string): { week: number; of: number } {
  const of = Math.max(1, Math.round(daysBetween(startDate, reviewDate) / 7))
  const elapsed = daysBetween(startDate, today)
  const week = elapsed < 0 ? 0 : Math.floor(elapsed / 7) + 1
  return { week, of }
}

/**
 * Where a program stands today, as the therapist reads it. Past the review date there is no
 * "week 24 of 16": the review is due, overdue, or recorded.
 */
export type ProgramProgress =
  | { kind: 'not_started' }
  | { kind: 'week'; week: number; of: number }
  | { kind: 'review_due_today' }
  | { kind: 'review_overdue'; daysOverdue: number }
  | { kind: 'review_recorded'; on: string }

export function programProgress(p: { startDate: string; reviewDate: string; reviewRecordedOn: string | null }, today: string): ProgramProgress {
  const { week, of } = programWeek(p.startDate, p.reviewDate, today)
  if (week === 0) return { kind: 'not_started' }
  const daysOverdue = daysBetween(p.reviewDate, today)
  if (daysOverdue < 0) return { kind: 'week', week: Math.min(week, of), of }
  if (p.reviewRecordedOn !== null) return { kind: 'review_recorded', on: p.reviewRecordedOn }
  return daysOverdue === 0 ? { kind: 'review_due_today' } : { kind: 'review_overdue', daysOverdue }
}

export const DUE_WITHIN_DAYS = 14

export function reviewStatus(reviewDate: string | null, today: string, dueWithinDays = DUE_WITHIN_DAYS): ReviewStatus {
  if (reviewDate === null) return 'none'
  const days = daysBetween(today, reviewDate)
  if (days < 0) return 'overdue'
  if (days <= dueWithinDays) return 'due'
  return 'upcoming'
}

/** How many days before the review date a visit is already proposed as the review. */
export const REVIEW_PROPOSED_FROM_DAYS = 14

/**
 * The kind of visit the form proposes for a visit on `visitDate`: the first visit is the baseline; a
 * visit on or after the review date, or up to 14 days before it, on a program whose review is not
 * yet recorded, is the four-month review; anything else a follow-up.
 */
export function proposedVisitKind(
  visits: { visitDate: string; kind: VisitKind }[],
  program: { startDate: string; reviewDate: string; status: string } | null,
  visitDate: string,
): VisitKind {
  if (visits.length === 0) return 'baseline'
  if (program === null || program.status !== 'active' || visitDate < program.startDate) return 'follow_up'
  const reviewRecorded = visits.some((v) => v.kind === 'review' && v.visitDate >= program.startDate)
  if (reviewRecorded) return 'follow_up'
  return daysBetween(visitDate, program.reviewDate) <= REVIEW_PROPOSED_FROM_DAYS ? 'review' : 'follow_up'
}
