// The wiring end to end: a patient typed into the page lands in the real SQLite file.
import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { callApi, workAs } from './support-api'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})

/** A clinic with its administrator, signed in at this page (what the first start does). */
async function signedInAdministrator(page: Page): Promise<void> {
  await page.goto(shell.url)
  const anna = await callApi<{ id: number }>(page, shell.url, 'users.create', { displayName: 'Anna Nowak' }, null)
  await workAs(page, anna.id)
}

test('without signing in, the page shows the sign-in screen and no patient data; the API refuses', async ({ page }) => {
  await page.goto(shell.url)
  await callApi(page, shell.url, 'users.create', { displayName: 'Anna Nowak' }, null)
  await page.goto(`${shell.url}#/patients/new`)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Sign in to Footcore' })).toBeVisible()
  await expect(page.getByLabel('First name')).toHaveCount(0)
  const token = (await page.locator('meta[name="footcore-token"]').getAttribute('content')) ?? ''
  const res = await page.request.post(`${shell.url}api/patients.create`, {
    headers: { 'X-Footcore-Token': token },
    // An actor named by the page counts for nothing.
    data: { input: { firstName: 'Anna', lastName: 'Kowalska', dateOfBirth: '1980-02-28' }, actorId: 1 },
  })
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to continue' } })
  const count = execFileSync('sqlite3', [shell.dbFile, 'select count(*) from patients'], { encoding: 'utf8' }).trim()
  expect(count).toBe('0')
})
test.afterEach(async ({ page }) => {
  // Closing the page first ends its keep-alive connections, so the shell can stop at once.
  await page.close()
  await shell.stop()
})

test('a patient created in the page is listed and stored in the database file', async ({ page }) => {
  await signedInAdministrator(page)
  await page.goto(`${shell.url}#/patients/new`)
  await page.reload()
  await page.getByLabel('First name').fill('Zoë')
  await page.getByLabel('Last name').fill("Łukasiewicz-O'Brien")
  await page.getByLabel('Date of birth').fill('1980-02-29')
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Zoë Łukasiewicz-O'Brien")

  await page.getByRole('link', { name: 'Patients', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Patients' })).toContainText("Łukasiewicz-O'Brien, Zoë")
  await page.getByLabel('Search by name').fill('lukas')
  await expect(page.getByRole('table', { name: 'Patients' })).toContainText("Łukasiewicz-O'Brien, Zoë")

  const stored = execFileSync('sqlite3', [shell.dbFile, "select first_name || '|' || last_name || '|' || date_of_birth from patients"], {
    encoding: 'utf8',
  }).trim()
  expect(stored).toBe("Zoë|Łukasiewicz-O'Brien|1980-02-29")
})

test('a bad entry shows its message next to the field and keeps what was typed', async ({ page }) => {
  await signedInAdministrator(page)
  await page.goto(`${shell.url}#/patients/new`)
  await page.reload()
  await page.getByLabel('First name').fill('Anna')
  await page.getByLabel('Last name').fill('Kowalska')
  await page.getByLabel('Date of birth').fill('1980-02-30')
  await page.getByRole('button', { name: 'Create patient' }).click()
  const dob = page.getByLabel('Date of birth')
  await expect(dob).toHaveAccessibleDescription(/1980-02-30 is not a day of the calendar/)
  await expect(page.getByLabel('Last name')).toHaveValue('Kowalska')
  await expect(dob).toBeFocused()
})

test('archiving asks first, hides the patient, and "Show archived" finds them again', async ({ page }) => {
  await signedInAdministrator(page)
  await page.goto(`${shell.url}#/patients/new`)
  await page.reload()
  await page.getByLabel('First name').fill('Maximilian-Alexander')
  await page.getByLabel('Last name').fill('Wolfeschlegelsteinhausenbergerdorff-Vandenberghe-Oyelaran-Kowalczyk')
  await page.getByLabel('Date of birth').fill('1975-06-15')
  await page.getByRole('button', { name: 'Create patient' }).click()
  await page.getByRole('link', { name: 'Edit details' }).click()
  await page.getByRole('button', { name: 'Archive patient' }).click()
  const confirm = page.getByRole('dialog', { name: 'Archive this patient?' })
  await confirm.getByRole('button', { name: 'Archive patient' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible()
  await expect(page.getByText('No patients yet.')).toBeVisible()
  await page.getByLabel('Show archived').check()
  const row = page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1)
  await expect(row).toContainText('Archived')
  // A very long name is cut with an ellipsis inside its column, the full name in its tooltip.
  const link = row.getByRole('link')
  await expect(link).toHaveAttribute('title', /Wolfeschlegelsteinhausenbergerdorff-Vandenberghe-Oyelaran-Kowalczyk, Maximilian-Alexander/)
  const fits = await link.evaluate((a) => a.scrollWidth > a.clientWidth && a.getBoundingClientRect().right <= a.closest('td')!.getBoundingClientRect().right + 1)
  expect(fits).toBe(true)
})
