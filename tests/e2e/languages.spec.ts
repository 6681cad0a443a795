// The patient's language on the screens that print: the program tab names an exercise without a
// text in the patient's language before printing, the patient page offers the report in the
// patient's language, and a name no font can print is refused with a sentence naming it.
import { expect, test, type Page } from '@playwright/test'
import { callApi, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { readPdf } from '../unit/pdf/read-pdf'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async ({ page }) => {
  await page.close()
  await shell.stop()
})

const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

type Ex = { id: number; slug: string | null }

test('a Polish patient: a note before printing, the handout in Polish, the report for the patient in Polish', async ({ page }) => {
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  await workAs(page, t)
  const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Zofia', lastName: 'Wiśniewska', dateOfBirth: '1979-03-14', preferredLanguage: 'pl' }, t)
  const own = await call<Ex>(page, 'exercises.create', { name: 'Marble pick-up', steps: ['Pick up marbles with your toes.'], stages: ['Sitting'], dosage: { sets: 2, reps: 10 } }, t)
  const short = (await call<Ex[]>(page, 'exercises.list', {}, t)).find((e) => e.slug === 'short-foot')!
  const start = new Date().toISOString().slice(0, 10)
  await call(page, 'programs.assign', { patientId: patient.id, therapistId: t, startDate: start, items: [{ exerciseId: short.id }, { exerciseId: own.id }] }, t)

  await page.goto(`${shell.url}#/patients/${patient.id}/program`)
  const note = page.getByRole('note').filter({ hasText: 'The handout prints in Polski' })
  await expect(note).toContainText('“Marble pick-up” has no Polish text yet, so it prints in English (the clinic’s language)')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Print handout' }).click()
  const handout = await download
  expect(handout.suggestedFilename()).toMatch(/^Wiśniewska Zofia – Instrukcja – \d{4}-\d{2}-\d{2}\.pdf$/)
  const pdf = await readPdf(new Uint8Array(await (await import('node:fs/promises')).readFile((await handout.path())!)))
  expect(pdf.text).toContain('Ćwiczenie „krótka stopa” (unoszenie łuku)')
  // The clinic works in English; the patient page offers the report in Polish as a second button.
  await expect(page.getByRole('button', { name: 'Print for the patient in Polish' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Progress report', exact: true })).toBeVisible()
})

test('a name no font can print is refused with a sentence that names it', async ({ page }) => {
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  await workAs(page, t)
  const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Ana 𐀀', lastName: 'Muñoz', dateOfBirth: '1979-03-14' }, t)
  const short = (await call<Ex[]>(page, 'exercises.list', {}, t)).find((e) => e.slug === 'short-foot')!
  await call(page, 'programs.assign', { patientId: patient.id, therapistId: t, startDate: new Date().toISOString().slice(0, 10), items: [{ exerciseId: short.id }] }, t)
  await page.goto(`${shell.url}#/patients/${patient.id}/program`)
  await page.getByRole('button', { name: 'Print handout' }).click()
  await expect(page.getByText('The patient’s name “Ana 𐀀 Muñoz” cannot be printed')).toBeVisible()
})
