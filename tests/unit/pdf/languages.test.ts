// Documents in the patient's language: a Ukrainian handout (exercise texts, dosage, weekday names,
// dates), a Polish report, a clinic's own exercise without a Polish text printed in the clinic's
// language, and the report printed for the patient in their language on request.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildHandout, buildProgressReport, handoutDocument } from '../../../src-main/core/services/documents'
import { openPdfClinic, seedPatient, type PdfClinic } from './fixtures'
import { bodyText, readPdf } from './read-pdf'

const SHOTS = resolve(__dirname, '../../../test-results/languages')
let c: PdfClinic | null = null
afterEach(async () => {
  await c?.clinic.close()
  c = null
})

/** Saves the PDF and its first page as a PNG under test-results/ (to look at), and returns pdftotext's text. */
function keep(name: string, bytes: Buffer): string {
  mkdirSync(SHOTS, { recursive: true })
  const file = join(SHOTS, `${name}.pdf`)
  writeFileSync(file, bytes)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(SHOTS, name)])
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

async function patientIn(c: PdfClinic, language: 'uk' | 'pl' | 'en', firstName: string, lastName: string) {
  const p = await seedPatient(c, { firstName, lastName, laterVisits: 4 })
  const { id, version, firstName: f, lastName: l, dateOfBirth, sex, phone, email, complaints, notes } = await c.clinic.call('patients.get', { id: p.patientId })
  await c.clinic.call('patients.update', { id, version, firstName: f, lastName: l, dateOfBirth, sex, phone, email, complaints, notes, preferredLanguage: language })
  return p
}

describe('documents in the patient’s language', () => {
  it('prints a Ukrainian handout: Ukrainian exercise names, dosage, weekday names and dates', async () => {
    c = await openPdfClinic('A4')
    const p = await patientIn(c, 'uk', 'Олена', 'Коваленко')
    const bytes = await buildHandout(c.clinic.ctx(), { programId: p.programId })
    const text = keep('handout-uk', bytes)
    const pdf = await readPdf(bytes)
    expect(pdf.title).toBe('Ваші вправи для м’язів стопи – Олена Коваленко')
    const body = bodyText(pdf)
    expect(body).toContain('1. Збирання рушника пальцями')
    expect(body).toContain('2. Вправа «коротка стопа» (підйом склепіння)')
    expect(body).toContain('3. Мінімалістичне взуття / перехід до ходьби босоніж')
    // The dosage sentence and the towel's repetitions text in Ukrainian.
    expect(body).toContain('Утримуйте 8 секунд. Виконуйте 10 разів і 3 підходи, раз на день.')
    expect(body).toContain('Виконуйте доки рушник не буде зібрано (приблизно 10–15 підтягувань) і 3 підходи, раз на день.')
    expect(body).toContain('Етап зараз: 2 з 4 – Стоячи на обох ногах.')
    expect(body).toContain('Коли припинити і зателефонувати до клініки')
    // Monday-first weekday names, and dates as Ukrainians write them.
    expect(text).toMatch(/пн\s+вт\s+ср\s+чт\s+пт\s+сб\s+нд/)
    expect(body).toContain('Тиждень 1 · з 4 трав. 2026')
    expect(pdf.text).toContain('Надруковано 26 лист. 2026')
    expect(pdf.text).toContain('Сторінка 1 з 2')
    expect(body).not.toContain('Towel crumpling')
    expect(body).not.toContain('Stage now')
    const doc = await handoutDocument(c.clinic.ctx(), { programId: p.programId })
    expect(doc.fileName).toBe('Коваленко Олена – Пам’ятка – 2026-11-26.pdf')
  })

  it('prints a Polish report when the clinic works in Polish, with decimal commas', async () => {
    c = await openPdfClinic('A4')
    const settings = await c.clinic.call('settings.get', {})
    await c.clinic.call('settings.update', { ...settings, language: 'pl' })
    const p = await seedPatient(c, { firstName: 'Zofia', lastName: 'Wiśniewska', laterVisits: 4 })
    const bytes = await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId })
    keep('report-pl', bytes)
    const pdf = await readPdf(bytes)
    expect(pdf.title).toBe('Raport postępów – Zofia Wiśniewska')
    expect(pdf.text).toContain('Lewa stopa')
    expect(pdf.text).toContain('Długość stopy')
    // 252.0 → 249.5 mm on the left foot: −2,5 mm, at or above the clinic's 2,0 mm.
    expect(pdf.text).toContain('252,0 mm')
    expect(pdf.text).toContain('−2,5 mm')
    expect(pdf.text).toContain('równa najmniejszej istotnej zmianie lub większa (2,0 mm)')
    expect(pdf.text).toContain('w granicach błędu pomiaru')
    expect(pdf.text).toContain('Zbieranie ręcznika palcami')
    expect(pdf.text).toContain('Wytrzymaj 8 sekund. Wykonuj 10 razy i 3 serie, raz dziennie.')
    expect(pdf.text).toContain('Uwagi terapeuty')
    expect(pdf.text).not.toContain('Progress report')
  })

  it('prints the report for the patient in their language on request, the clinic’s by default', async () => {
    c = await openPdfClinic('A4')
    const p = await patientIn(c, 'pl', 'Jan', 'Kowalski')
    const english = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId }))
    expect(english.title).toBe('Progress report – Jan Kowalski')
    const polish = await readPdf(await buildProgressReport(c.clinic.ctx(), { patientId: p.patientId, language: 'pl' }))
    expect(polish.title).toBe('Raport postępów – Jan Kowalski')
    expect(polish.text).toContain('Prawa stopa')
  })

  it('prints a clinic’s own exercise without a Polish text in the clinic’s language, and says so', async () => {
    c = await openPdfClinic('A4')
    const therapistId = c.therapistId
    const own = await c.clinic.call('exercises.create', {
      name: 'Marble pick-up',
      purpose: 'Toe control.',
      steps: ['Pick up marbles with your toes.'],
      mistakes: [],
      stages: ['Sitting'],
      safety: '',
      language: 'en',
      translations: [{ language: 'de', name: 'Murmeln greifen', purpose: 'Zehenkontrolle.', steps: ['Murmeln mit den Zehen greifen.'], mistakes: [], stages: ['Im Sitzen'], safety: '', repsText: null }],
      dosage: { sets: 2, reps: 10, timesPerDay: 1, daysPerWeek: 7, stage: 0 },
    })
    expect(own.translations.map((t) => t.language)).toEqual(['de'])
    const patient = await c.clinic.call('patients.create', { firstName: 'Ewa', lastName: 'Nowak', dateOfBirth: '1980-01-01', preferredLanguage: 'pl' })
    const short = c.exercises.get('short-foot')!
    const program = await c.clinic.call(
      'programs.assign',
      { patientId: patient.id, therapistId, startDate: '2026-05-06', items: [{ exerciseId: short.id, ...short.dosage }, { exerciseId: own.id, ...own.dosage }] },
      therapistId,
    )
    const bytes = await buildHandout(c.clinic.ctx(), { programId: program.id })
    const text = keep('handout-pl-fallback', bytes)
    const body = bodyText(await readPdf(bytes))
    expect(body).toContain('1. Ćwiczenie „krótka stopa” (unoszenie łuku)')
    expect(body).toContain('2. Marble pick-up')
    expect(body).toContain('To ćwiczenie wydrukowano w języku: angielski – nie ma jeszcze tekstu w tym języku.')
    expect(body).toContain('Pick up marbles with your toes.')
    // The same exercise prints its German text for a German handout.
    const german = bodyText(await readPdf(await buildHandout(c.clinic.ctx(), { programId: program.id, language: 'de' })))
    expect(german).toContain('2. Murmeln greifen')
    // The program starts on a Wednesday: the Polish calendar still starts its weeks on Monday.
    expect(text).toMatch(/pon\.\s+wt\.\s+śr\.\s+czw\.\s+pt\.\s+sob\.\s+niedz\./)
  })
})
