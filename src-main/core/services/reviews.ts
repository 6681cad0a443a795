// Due reviews: which patients need their four-month review soon, or are overdue.
import { addDays } from '@shared/calc/dates'
import { reviewStatus } from '@shared/calc/review'
import type { DueReview } from '@shared/domain/review'
import { compiledOnce } from '../db/compiled-once'
import { today, type ServiceContext } from './context'

const dueRows = compiledOnce((db, v: { until: string }) =>
  db
    .selectFrom('programs as g')
    .innerJoin('patients as p', 'p.id', 'g.patient_id')
    .select([
      'p.id as patient_id',
      'p.first_name',
      'p.last_name',
      'p.date_of_birth',
      'g.id as program_id',
      'g.name',
      'g.start_date',
      'g.review_date',
    ])
    .select((eb) =>
      eb
        .selectFrom('visits as v')
        .select((e) => e.fn.max('v.visit_date').as('d'))
        .whereRef('v.patient_id', '=', 'p.id')
        .where('v.voided_at', 'is', null)
        .as('last_visit_date'),
    )
    .where('g.status', '=', 'active')
    .where('g.review_date', '<=', v.until)
    .where('p.archived_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('visits as rv').select('rv.id').whereRef('rv.program_id', '=', 'g.id').where('rv.kind', '=', 'review').where('rv.voided_at', 'is', null))),
    )
    .orderBy('g.review_date')
    .orderBy('p.last_name_key')
    .orderBy('p.id'),
)

export async function dueReviews(ctx: ServiceContext, input: { withinDays: number }): Promise<DueReview[]> {
  const t = today(ctx)
  const rows = await dueRows.execute(ctx.db, { until: addDays(t, input.withinDays) })
  return rows.map((r) => ({
    patientId: r.patient_id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    programId: r.program_id,
    programName: r.name,
    startDate: r.start_date,
    reviewDate: r.review_date,
    status: reviewStatus(r.review_date, t, input.withinDays) === 'overdue' ? 'overdue' : 'due',
    lastVisitDate: (r.last_visit_date as string | null) ?? null,
  }))
}
