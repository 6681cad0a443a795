// The progress report as a doctor reads it: per-foot values from the visits, verdicts, charts, comments.
import { afterEach, describe, expect, it } from 'vitest'
import { formatClinicDate as d } from '@shared/calc/dates'
import { buildProgressReport, NO_FOLLOW_UP } from '../../../src-main/core/services/documents'
import { PAGE_POINTS } from '../../../src-main/core/pdf/layout'
import { LEFT, openPdfClinic, RIGHT, seedPatient, type PdfClinic } from './fixtures'
import { bodyText, fontReport, itemsOutsidePage, readPdf, type PdfPage } from './read-pdf'

let c: PdfClinic | null = null
afterEach(async () => {
  await c?.clinic.close()
  c = null
})

/** The text of the table rows between a foot's title and the next section. */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(from)
  expect(start, `"${from}" in the report`).toBeGreaterThanOrEqual(0)
  const end = text.indexOf(to, start + from.length)
  return text.slice(start, end < 0 ? undefined : end)
}

describe('progress report', () => {
  it('compares baseline with the review per foot: values, change in mm and %, and the verdict', async () => {
    c = await openPdfClinic('A4')
    const p = await seedPatient(c, { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", laterVisits: 4 })
    const bytes = await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId })
    const pdf = await readPdf(bytes)

    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(PAGE_POINTS.A4.width, 1)
      expect(itemsOutsidePage(page)).toEqual([])
    }
    const text = pdf.text
    expect(pdf.pages[0]!.items.map((i) => i.str)).toContain("Zoë Łukasiewicz-O'Brien")
    expect(text).toContain('14 Mar 1979')
    expect(text).toContain('Anna Nowak')
    expect(text).toContain(`${d(p.startDate)} to ${d(p.reviewDate)}`)
    expect(text).toContain('baseline (4 May 2026) against the four-month review (24 Aug 2026)')

    // Left: 252.0 → 249.5 mm (−2.5, −1.0 %), arch 58.0 → 61.5 (+3.5, +6.0 %): both beyond the 2 mm threshold.
    const base = LEFT(0, 4)
    const last = LEFT(4, 4)
    expect([base.footLengthMm, last.footLengthMm, base.archHeightMm, last.archHeightMm]).toEqual([252, 249.5, 58, 61.5])
    const left = section(text, 'Left foot', 'Right foot')
    expect(left).toContain('Foot length 252.0 mm 249.5 mm −2.5 mm −1.0 % at or above smallest meaningful change (2.0 mm)')
    expect(left).toContain('Arch height 58.0 mm 61.5 mm +3.5 mm +6.0 % at or above smallest meaningful change (2.0 mm)')
    // AHI 58/183 = 0.317 → 61.5/183 = 0.336; navicular drop 7.5 → 5.0 mm.
    // +0.019 is below the index threshold 0.025.
    expect(left).toContain('Arch height index 0.317 0.336 +0.019 +6.0 % within measurement error')
    expect(left).toContain('Navicular drop 7.5 mm 5.0 mm −2.5 mm −33.3 %')

    // Right: 251.0 → 250.0 (−1.0) and 59.0 → 60.2 (+1.2): within measurement error.
    expect([RIGHT(0, 4).footLengthMm, RIGHT(4, 4).footLengthMm]).toEqual([251, 250])
    const right = section(text, 'Right foot', 'A change smaller')
    expect(right).toContain('Foot length 251.0 mm 250.0 mm −1.0 mm −0.4 % within measurement error')
    expect(right).toContain('Arch height 59.0 mm 60.2 mm +1.2 mm +2.0 % within measurement error')
    expect(right).not.toContain('Navicular drop')

    // Pain: foot/heel 7 → 3 is a clinically important improvement; low back 4 → 4 is not.
    // Knee 3 → 2 is 1 point but 33 % of the baseline: important by the percent rule, and the report says so.
    expect(text).toContain('Foot / heel 7/10 3/10 −4 clinically important improvement (2 points or more)')
    expect(text).toContain('Knee 3/10 2/10 −1 clinically important improvement (30 % or more and at least 1 point)')
    expect(text).toContain('Low back 4/10 4/10 0 no important change')
    // Nothing claims the exercises treat headaches or neck pain; foot length has no good direction.
    expect(text).toContain('no study links foot exercises to their relief, and this report does not attribute their change to the program')
    expect(text).toContain('A change in foot length is reported without calling either direction better.')
    expect(text).toContain('arch height index 0.025')
    // Program followed, with the stage and dosage change from the program history.
    expect(text).toContain('Short-foot exercise (arch doming): stage 1 (Sitting) → stage 2 (Standing on both feet)')
    expect(text).toContain('“Hold 5 seconds. Do it 10 times, 3 sets, once a day.” → “Hold 8 seconds. Do it 10 times, 3 sets, once a day.”')
    expect(text).toContain('Reason: Sitting version easy')
    expect(text).toContain("Therapist's comments")
    expect(text).toContain('Morning heel pain much better.')
    expect(text).toContain('Signature – Anna Nowak')
    expect(text).toContain('Measurements over all visits (5)')
    // The charts write dates as the rest of the report and the screens do.
    const charts = section(text, 'Measurements over all visits', 'Pain scores')
    expect(charts).toContain('4 May 2026')
    expect(charts).not.toMatch(/\d\d\.\d\d\.\d\d|\d{4}-\d\d-\d\d/)
    const pages = pdf.pages.length
    expect(text).toContain(`Page ${pages} of ${pages}`)
    expect(text).toContain('Printed 26 Nov 2026')
    expect(fontReport(bytes).standardFonts).toEqual([])
  })

  it('says "latest visit" when there is no review yet, and prints Cyrillic names exactly on Letter paper', async () => {
    c = await openPdfClinic('Letter')
    const p = await seedPatient(c, { firstName: 'Дмитрий', lastName: 'Шостакович', laterVisits: 3 })
    // Without the review: correct the last visit into a follow-up.
    const visits = await c.clinic.call('visits.list', { patientId: p.patientId })
    const last = visits[visits.length - 1]!
    await c.clinic.call(
      'visits.correct',
      {
        visitId: last.id,
        version: last.version,
        visitDate: last.visitDate,
        therapistId: last.therapistId,
        kind: 'follow_up',
        left: LEFT(3, 3),
        right: RIGHT(3, 3),
        symptoms: last.symptoms,
        notes: 'Good progress.',
        reason: 'Entered as review by mistake',
      },
      c.therapistId,
    )
    const pdf = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId }))
    expect(pdf.pages[0]!.width).toBe(612)
    expect(pdf.pages[0]!.height).toBe(792)
    expect(pdf.pages[0]!.items.map((i) => i.str)).toContain('Дмитрий Шостакович')
    expect(pdf.text).toContain(`against the latest visit (${d(last.visitDate)}, follow-up)`)
    expect(pdf.text).toContain(`Latest visit ${d(last.visitDate)}`)
    expect(pdf.pages.flatMap(itemsOutsidePage)).toEqual([])
  })

  it('refuses a report without a visit after the baseline, with the message the app shows', async () => {
    c = await openPdfClinic('A4')
    const p = await seedPatient(c, { firstName: 'Jana', lastName: 'Dvořáková', laterVisits: 0 })
    await expect(buildProgressReport(c.clinic.ctx(), { patientId: p.patientId })).rejects.toMatchObject({ code: 'conflict', message: NO_FOLLOW_UP })
    const viaRouter = await c.clinic.call('documents.progressReport', { patientId: p.patientId }).catch((e: unknown) => e)
    expect(viaRouter).toMatchObject({ code: 'conflict', message: 'A progress report needs a baseline visit and at least one later visit.' })
  })

  it('reports a patient with only the left foot measured, saying the right was not measured', async () => {
    c = await openPdfClinic('A4')
    const p = await seedPatient(c, { firstName: 'Ana', lastName: 'Muñoz', laterVisits: 2, right: null })
    const pdf = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId }))
    expect(section(pdf.text, 'Right foot', 'A change smaller')).toContain('Not measured at these visits.')
    expect(section(pdf.text, 'Left foot', 'Right foot')).toContain('Foot length 252.0 mm 249.5 mm')
    expect(pdf.text).toContain('Right (not measured)')
  })

  it('wraps a 3,000-character comment and a 120-character name without any text leaving the page', async () => {
    c = await openPdfClinic('A4')
    const sentence = 'The patient reports less morning heel pain and walks barefoot at home for twenty minutes without symptoms. '
    const comment = sentence.repeat(30).slice(0, 3000)
    expect(comment).toHaveLength(3000)
    const firstName = `Maria-${'Magdalena'.repeat(6)}`.slice(0, 60)
    const lastName = `Wolf-${'Schlegelstein'.repeat(5)}`.slice(0, 59)
    const p = await seedPatient(c, { firstName, lastName, laterVisits: 2, reviewNotes: comment })
    const pdf = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId }))
    for (const page of pdf.pages) expect(itemsOutsidePage(page)).toEqual([])
    // Wrapped into many lines, every word kept.
    const commentLines = pdf.pages.flatMap((pg) => pg.items.filter((i) => i.str.startsWith('The patient') || i.str.includes('heel pain')))
    expect(commentLines.length).toBeGreaterThan(10)
    expect(bodyText(pdf)).toContain(comment.trim())
    expect(pdf.text.replace(/ /g, '')).toContain(`${firstName}${lastName}`.replace(/ /g, ''))
  })

  it('charts 30 visits readably: date labels do not overlap and every page stays inside the box', async () => {
    c = await openPdfClinic('A4')
    const p = await seedPatient(c, { firstName: 'Søren', lastName: 'Kierkegaard', laterVisits: 29 })
    const pdf = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId }))
    expect(pdf.text).toContain('Measurements over all visits (30)')
    expect(pdf.pages.length).toBeLessThanOrEqual(3)
    const dateLabel = /^\d{1,2} [A-Z][a-z]{2} \d{4}$/
    const byLine = (page: PdfPage) => {
      const lines = new Map<number, { x: number; width: number }[]>()
      for (const i of page.items.filter((t) => dateLabel.test(t.str))) {
        const key = Math.round(i.y)
        lines.set(key, [...(lines.get(key) ?? []), { x: i.x, width: i.width }])
      }
      return [...lines.values()]
    }
    const axes = pdf.pages.flatMap(byLine)
    expect(axes.length).toBeGreaterThanOrEqual(2)
    for (const labels of axes) {
      const sorted = labels.sort((a, b) => a.x - b.x)
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.x).toBeGreaterThan(sorted[i - 1]!.x + sorted[i - 1]!.width)
    }
    for (const page of pdf.pages) expect(itemsOutsidePage(page)).toEqual([])
  })

  it('reports on the program asked for: an earlier, ended program keeps its own baseline and review', async () => {
    c = await openPdfClinic('A4')
    const first = await seedPatient(c, { firstName: 'Jana', lastName: 'Dvořáková', laterVisits: 2 })
    const t = c.therapistId
    await c.clinic.call('programs.end', { version: await c.clinic.versionOf('programs', first.programId), programId: first.programId, endDate: first.reviewDate, reason: 'Review done' }, t)
    const shortFoot = c.exercises.get('short-foot')!
    const second = await c.clinic.call(
      'programs.assign',
      { patientId: first.patientId, therapistId: t, startDate: '2026-09-01', items: [{ exerciseId: shortFoot.id, ...shortFoot.dosage, stage: 2 }] },
      t,
    )
    for (const [visitDate, kind, arch] of [['2026-09-01', 'baseline', 61.5], ['2026-10-27', 'follow_up', 62.5]] as const) {
      await c.clinic.call(
        'visits.record',
        { patientId: first.patientId, therapistId: t, visitDate, kind, left: { footLengthMm: 249.5, archHeightMm: arch }, notes: 'Second block.' },
        t,
      )
    }

    const current = bodyText(await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: first.patientId })))
    expect(current).toContain('against the latest visit (27 Oct 2026, follow-up)')
    expect(current).toContain('Arch height 61.5 mm 62.5 mm +1.0 mm +1.6 % within measurement error')
    expect(current).toContain('Measurements over all visits (2)')
    expect(current).toContain(`started ${d(second.startDate)}`)

    const earlier = bodyText(await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: first.patientId, programId: first.programId })))
    expect(earlier).toContain(`baseline (${d(first.startDate)}) against the four-month review (${d(first.reviewDate)})`)
    expect(earlier).toContain('Arch height 58.0 mm 61.5 mm +3.5 mm +6.0 % at or above smallest meaningful change (2.0 mm)')
    expect(earlier).toContain('Measurements over all visits (3)')
    expect(earlier).toContain(`ended ${d(first.reviewDate)}`)

    await expect(buildProgressReport(c.clinic.ctx(), { patientId: first.patientId, programId: 999 })).rejects.toMatchObject({ code: 'not_found' })
  })

  it("says which baseline a program without its own uses, and never mixes in the earlier program's other visits", async () => {
    c = await openPdfClinic('A4')
    const first = await seedPatient(c, { firstName: 'Jana', lastName: 'Dvořáková', laterVisits: 2 })
    const t = c.therapistId
    await c.clinic.call('programs.end', { version: await c.clinic.versionOf('programs', first.programId), programId: first.programId, endDate: first.reviewDate }, t)
    const shortFoot = c.exercises.get('short-foot')!
    await c.clinic.call(
      'programs.assign',
      { patientId: first.patientId, therapistId: t, name: 'Single-leg block', startDate: '2026-09-01', items: [{ exerciseId: shortFoot.id, ...shortFoot.dosage, stage: 2 }] },
      t,
    )
    await c.clinic.call('visits.record', { patientId: first.patientId, therapistId: t, visitDate: '2026-10-27', kind: 'follow_up', left: { footLengthMm: 249.5, archHeightMm: 62.5 } }, t)

    const text = bodyText(await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: first.patientId })))
    expect(text).toContain('Single-leg block · started 1 Sep 2026')
    expect(text).toContain(
      `This program has no baseline visit of its own: the baseline is the visit of ${d(first.startDate)}, recorded under the earlier program “Foot core — 16 weeks” (started ${d(first.startDate)}).`,
    )
    // The earlier program's baseline and this program's visit; not its follow-up and review.
    expect(text).toContain('Measurements over all visits (2)')
  })
})
