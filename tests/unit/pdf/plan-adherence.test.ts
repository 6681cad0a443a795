// The four-month plan on paper: the handout prints the plan ahead, the report the stages reached
// against the plan and adherence per period, overall, and the neutral sentence under 50 %.
import { afterEach, describe, expect, it } from 'vitest'
import { FOOT_CORE_16_WEEKS } from '@shared/exercises/catalog'
import { buildHandout, buildProgressReport } from '../../../src-main/core/services/documents'
import { openPdfClinic, type PdfClinic } from './fixtures'
import { readPdf } from './read-pdf'

let c: PdfClinic | null = null
afterEach(async () => {
  await c?.clinic.close()
  c = null
})

// Start Monday 2026-05-04; follow-ups on days 28, 56 and 84 (weeks 5, 9, 13); review 2026-08-24 (day 112).
const START = '2026-05-04'
const foot = { footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 62 }

async function planned(c: PdfClinic) {
  const { clinic, therapistId: t } = c
  const patient = await clinic.call('patients.create', { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", dateOfBirth: '1979-03-14' })
  const items = FOOT_CORE_16_WEEKS.items.map((i) => ({ exerciseId: c.exercises.get(i.slug)!.id, ...c.exercises.get(i.slug)!.dosage, plannedWeeks: i.plannedWeeks ?? null }))
  const program = await clinic.call('programs.assign', { patientId: patient.id, therapistId: t, startDate: START, items }, t)
  const id = (slug: string) => c.exercises.get(slug)!.id
  const visit = (visitDate: string, kind: 'baseline' | 'follow_up' | 'review', over: object = {}) =>
    clinic.call('visits.record', { patientId: patient.id, therapistId: t, visitDate, kind, left: foot, right: foot, ...over }, t)
  await visit(START, 'baseline')
  await visit('2026-06-01', 'follow_up', {
    adherence: { daysDone: 10 },
    stageSteps: [
      { exerciseId: id('short-foot'), decision: 'advance' },
      { exerciseId: id('towel-crumpling'), decision: 'advance' },
      { exerciseId: id('barefoot-transition'), decision: 'advance' },
    ],
  })
  await visit('2026-06-29', 'follow_up', {
    adherence: { daysDone: 12 },
    stageSteps: [
      { exerciseId: id('short-foot'), decision: 'advance' },
      { exerciseId: id('towel-crumpling'), decision: 'hold', reason: 'Weight still hard' },
    ],
  })
  return { patientId: patient.id, programId: program.id, visit, id }
}

describe('the plan and adherence on paper', () => {
  it('the handout prints the plan ahead per exercise: weeks → stage and dosage', async () => {
    c = await openPdfClinic('A4')
    const p = await planned(c)
    const pdf = await readPdf(await buildHandout(c.clinic.ctx(), { programId: p.programId }))
    // Short-foot at stage 3 (one foot, week 9): knee bend / functional from week 13.
    expect(pdf.text).toContain('Stage now: 3 of 4 – Standing on one foot.')
    expect(pdf.text).toContain('Your plan Weeks Stage Dosage Now to week 12 Standing on one foot Hold 5 seconds. Do it 10 times, 3 sets, once a day. From week 13')
    // Towel held at week 9: standing moves from week 9 to week 13.
    expect(pdf.text).toContain('Now to week 12 Sitting, with a small weight on the far end of the towel')
    // Barefoot: running only when the therapist allows it.
    expect(pdf.text).toContain('When your therapist allows it')
    // Each next stage still waits for the therapist.
    expect(pdf.text).toContain('Next: With a small knee bend or heel raise, then functional tasks (single-leg squat, step-down) – when your therapist says you are ready.')
  })

  it('the report gives the stages reached against the plan and adherence per period and overall', async () => {
    c = await openPdfClinic('A4')
    const p = await planned(c)
    await p.visit('2026-07-27', 'follow_up', { adherence: { daysDone: 14 } })
    await p.visit('2026-08-24', 'review', { adherence: { daysDone: 13 } })
    const pdf = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId }))
    const text = pdf.text
    // At the review (week 17 of 16: day 112), the plan expects the last planned stage of each exercise.
    expect(text).toContain('Short-foot exercise (arch doming) 3 of 4: Standing on one foot 4 of 4: With a small knee bend')
    expect(text).toContain('Towel crumpling 2 of 3: Sitting, with a small weight on the far end of the towel 3 of 3: Standing')
    expect(text).toContain('Minimalist shoes / barefoot transition 2 of 4: Minimalist shoes for everyday walking 2 of 4: Minimalist shoes for everyday walking')
    // 28 planned days per 4-week period: 10, 12, 14, 13 done → 36, 43, 50, 46 %; overall 49 of 112 = 43.75 → 44 %.
    expect(text).toContain('4 May 2026 to 1 Jun 2026: 10 of 28 planned days (36 %)')
    expect(text).toContain('1 Jun 2026 to 29 Jun 2026: 12 of 28 planned days (43 %)')
    expect(text).toContain('27 Jul 2026 to 24 Aug 2026: 13 of 28 planned days (46 %)')
    expect(text).toContain('Overall: 49 of 112 planned days (44 %)')
    expect(text).toContain('Adherence was under 50 % of the planned days: the measured change should be read with that in mind.')
  })
})
