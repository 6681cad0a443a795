// A new program that starts on the day the previous one was reviewed: its own review comes due, and
// the Overview never reports the previous program's review as its own; past the plan it says "overdue".
import { expect, test, type Page } from '@playwright/test'
import { callApi, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { dayFromToday } from './support-ui'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async () => shell.stop())

const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** "5 Mar 2026", as the page writes dates. */
const shown = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`

test("the program assigned on the day of the previous program's review has its own review due", async ({ page }) => {
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Jana', lastName: 'Dvořáková', dateOfBirth: '1979-03-14' }, t)
  const exercise = (await call<{ id: number }[]>(page, 'exercises.list', {}, t))[0]!
  const reviewDay = dayFromToday(-20)
  const feet = { left: { footLengthMm: 250, archHeightMm: 60 }, right: { footLengthMm: 251, archHeightMm: 61 } }
  const p1 = await call<{ id: number; version: number }>(page, 'programs.assign', { patientId: patient.id, therapistId: t, startDate: dayFromToday(-132), items: [{ exerciseId: exercise.id }] }, t)
  await call(page, 'visits.record', { patientId: patient.id, therapistId: t, visitDate: dayFromToday(-132), kind: 'baseline', ...feet }, t)
  const review = await call<{ id: number; version: number }>(page, 'visits.record', { patientId: patient.id, therapistId: t, visitDate: reviewDay, kind: 'review', ...feet }, t)
  await call(page, 'programs.end', { programId: p1.id, version: p1.version, endDate: reviewDay, reason: 'Review done' }, t)
  const p2Review = dayFromToday(10)
  await call(page, 'programs.assign', { patientId: patient.id, therapistId: t, name: 'Single-leg block', startDate: reviewDay, reviewDate: p2Review, items: [{ exerciseId: exercise.id }] }, t)
  // A correction of the first program's review must not move it under the new program.
  await call(page, 'visits.correct', { visitId: review.id, version: review.version, therapistId: t, visitDate: reviewDay, kind: 'review', ...feet, notes: 'Typo fixed', reason: 'Typo' }, t)

  await workAs(page, t)
  await page.goto(`${shell.url}#/patients/${patient.id}/overview`)
  await expect(page.getByTestId('next-review')).toHaveText(shown(p2Review))
  await expect(page.getByRole('link', { name: 'Record the four-month review' })).toBeVisible()
  await page.goto(`${shell.url}#/reviews`)
  await expect(page.getByRole('row').filter({ hasText: 'Dvořáková' })).toContainText('Single-leg block')
})

test('a program past its review date says the review is overdue, not "week 24 of 16"', async ({ page }) => {
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Ana', lastName: 'Muñoz', dateOfBirth: '1980-01-01' }, t)
  const exercise = (await call<{ id: number }[]>(page, 'exercises.list', {}, t))[0]!
  const program = await call<{ reviewDate: string }>(page, 'programs.assign', { patientId: patient.id, therapistId: t, startDate: dayFromToday(-165), items: [{ exerciseId: exercise.id }] }, t)
  await workAs(page, t)
  await page.goto(`${shell.url}#/patients/${patient.id}/overview`)
  await expect(page.getByTestId('program-week')).toHaveText(`Review overdue since ${shown(program.reviewDate)}`)
  await page.goto(`${shell.url}#/patients/${patient.id}/program`)
  await expect(page.getByTestId('program-week')).toHaveText(`Review overdue since ${shown(program.reviewDate)}`)
})
