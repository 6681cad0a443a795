// The handout as a patient reads it: names, therapist, dates, each dosage sentence, two pages, paper size.
import { afterEach, describe, expect, it } from 'vitest'
import { dosageSentence } from '@shared/exercises/dosage'
import { ApiError } from '@shared/domain/errors'
import { buildHandout, documentFileName } from '../../../src-main/core/services/documents'
import { PAGE_POINTS } from '../../../src-main/core/pdf/layout'
import { openPdfClinic, PRINT_DAY, seedPatient, type PdfClinic } from './fixtures'
import { fontReport, itemsOutsidePage, readPdf } from './read-pdf'

let c: PdfClinic | null = null
afterEach(async () => {
  await c?.clinic.close()
  c = null
})

describe('patient handout', () => {
  it('names the patient and therapist exactly, gives dates and every dosage sentence, on two A4 pages', async () => {
    c = await openPdfClinic('A4')
    const p = await seedPatient(c, { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", laterVisits: 1 })
    const bytes = await buildHandout(c.clinic.ctx(), { programId: p.programId })
    const pdf = await readPdf(bytes)

    expect(pdf.pages).toHaveLength(2)
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(PAGE_POINTS.A4.width, 1)
      expect(page.height).toBeCloseTo(PAGE_POINTS.A4.height, 1)
      expect(itemsOutsidePage(page)).toEqual([])
    }
    const first = pdf.pages[0]!.items.map((i) => i.str)
    expect(first).toContain("Zoë Łukasiewicz-O'Brien")
    expect(first).toContain('Anna Nowak')
    // Dates as the screens write them.
    expect([p.startDate, p.reviewDate]).toEqual(['2026-05-04', '2026-08-24'])
    expect(first).toContain('4 May 2026')
    expect(first).toContain('24 Aug 2026')
    expect(pdf.text).toContain('Fußwerk Physiotherapie Kraków')
    expect(pdf.text).toContain('Page 1 of 2')
    expect(pdf.text).toContain('Page 2 of 2')
    expect(pdf.text).toContain('Printed 26 Nov 2026')

    const program = (await c.clinic.call('programs.current', { patientId: p.patientId }))!
    for (const item of program.items) expect(pdf.text).toContain(dosageSentence(item))
    // The default short-foot dosage, as a person would say it.
    expect(pdf.text).toContain('Hold 5 seconds. Do it 10 times, 3 sets, once a day.')
    expect(pdf.text).toContain('Stage now: 1 of 4 – Sitting.')
    expect(pdf.text).toContain('Next: Standing on both feet')
    // Barefoot-transition safety text travels with that exercise.
    expect(pdf.text).toContain('When to stop and call the clinic')
    expect(pdf.text).toContain('pain on the top of the midfoot')
    // The tick calendar has a row for each of the 16 weeks.
    expect(pdf.text).toContain('Week 1 · from 4 May 2026')
    expect(pdf.text).toContain('Week 16 · from 17 Aug 2026')
    expect(pdf.text).not.toContain('Week 17')
    // The clinic's logo is drawn in the header of each page (one image, reused).
    expect(Buffer.from(bytes).toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1)
  })

  it('prints Cyrillic names exactly and fits Letter paper, all fonts embedded', async () => {
    c = await openPdfClinic('Letter')
    const p = await seedPatient(c, { firstName: 'Дмитрий', lastName: 'Шостакович', laterVisits: 1 })
    const bytes = await buildHandout(c.clinic.ctx(), { programId: p.programId })
    const pdf = await readPdf(bytes)
    expect(pdf.pages).toHaveLength(2)
    expect(pdf.pages[0]!.width).toBe(612)
    expect(pdf.pages[0]!.height).toBe(792)
    expect(pdf.pages[0]!.items.map((i) => i.str)).toContain('Дмитрий Шостакович')
    expect(pdf.pages.flatMap(itemsOutsidePage)).toEqual([])
    const fonts = fontReport(bytes)
    expect(fonts.standardFonts).toEqual([])
    expect(fonts.baseFonts.every((f) => /^[A-Z]{6}\+DejaVuSans/.test(f))).toBe(true)
    expect(fonts.embedded).toBe(2)
  })

  it('wraps a 120-character name inside the page', async () => {
    c = await openPdfClinic('A4')
    const firstName = `Maria-${'Magdalena'.repeat(6)}`.slice(0, 60)
    const lastName = `Wolf-${'Schlegelstein'.repeat(5)}`.slice(0, 59)
    expect(`${firstName} ${lastName}`).toHaveLength(120)
    const p = await seedPatient(c, { firstName, lastName, laterVisits: 1 })
    const pdf = await readPdf(await buildHandout(c.clinic.ctx(), { programId: p.programId }))
    expect(pdf.pages.flatMap(itemsOutsidePage)).toEqual([])
    expect(pdf.text.replace(/ /g, '')).toContain(`${firstName}${lastName}`.replace(/ /g, ''))
    expect(pdf.pages).toHaveLength(2)
  })

  it('answers through the contract with the suggested file name and the PDF as base64', async () => {
    c = await openPdfClinic('A4', false)
    const p = await seedPatient(c, { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", laterVisits: 1 })
    const doc = await c.clinic.call('documents.handout', { programId: p.programId })
    expect(doc.fileName).toBe(`Łukasiewicz-O'Brien Zoë – Handout – ${PRINT_DAY}.pdf`)
    const bytes = Buffer.from(doc.pdfBase64, 'base64')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.toString('latin1')).not.toContain('/Subtype /Image')
    const report = await c.clinic.call('documents.progressReport', { patientId: p.patientId })
    expect(report.fileName).toBe(`Łukasiewicz-O'Brien Zoë – Progress report – ${PRINT_DAY}.pdf`)
  })

  it('answers not_found for a program that does not exist', async () => {
    c = await openPdfClinic('A4')
    await expect(buildHandout(c.clinic.ctx(), { programId: 999 })).rejects.toMatchObject({ code: 'not_found' } satisfies Partial<ApiError>)
  })

  it('suggests a file name with the patient, the document and the date, without characters file systems refuse', async () => {
    expect(documentFileName({ firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien" }, 'Handout', '2026-11-26')).toBe(
      "Łukasiewicz-O'Brien Zoë – Handout – 2026-11-26.pdf",
    )
    expect(documentFileName({ firstName: 'A/B', lastName: 'C:D*?' }, 'Progress report', '2026-11-26')).toBe('C D A B – Progress report – 2026-11-26.pdf')
    const long = documentFileName({ firstName: 'x'.repeat(60), lastName: 'y'.repeat(59) }, 'Handout', '2026-11-26')
    expect(Buffer.byteLength(long)).toBeLessThan(200)
  })
})
