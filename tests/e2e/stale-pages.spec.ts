// Pages that loaded before something changed elsewhere: the clinic's arch height method, the
// settings, and who is signed in. Nothing a page sends may be filed under what it did not show.
import { expect, test, type Page } from '@playwright/test'
import { callApi, E2E_PIN, signInOnPage, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { chooseOption } from './support-ui'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async () => shell.stop())

const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

/** Two therapists and a patient; the page works as the first therapist. */
async function clinic(page: Page) {
  await page.goto(shell.url)
  const anna = await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)
  const ben = await call<{ id: number }>(page, 'users.create', { displayName: 'Ben Okafor' }, null)
  await call(page, 'users.create', { displayName: 'Carla Reyes' }, null)
  const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Jana', lastName: 'Dvořáková', dateOfBirth: '1979-03-14' }, anna.id)
  // Anna signed in at this page.
  await workAs(page, anna.id)
  return { anna: anna.id, ben: ben.id, patientId: patient.id }
}

const recordForm = (page: Page) => page.getByRole('form', { name: 'Record visit' })
const leftFoot = (page: Page) => recordForm(page).getByRole('group', { name: 'Left foot' })

test('the arch height label follows the clinic when the page regains focus; a value typed under the old label is refused with a sentence asking to reload', async ({ page }) => {
  const { anna, patientId } = await clinic(page)
  await page.goto(`${shell.url}#/patients/${patientId}/measurements`)
  await expect(leftFoot(page).getByLabel('Arch height (dorsal, 50 % FL) (mm)')).toBeVisible()

  // Another tab (or workstation) switches the clinic's method; coming back to this page reads it.
  const settings = await call<Record<string, unknown>>(page, 'settings.get', {}, anna)
  await call(page, 'settings.update', { ...settings, archHeightMethod: 'navicular_standing' }, anna)
  await page.evaluate(() => (globalThis as unknown as { dispatchEvent(e: Event): boolean }).dispatchEvent(new Event('focus')))
  await expect(leftFoot(page).getByLabel('Arch height (navicular, standing) (mm)')).toBeVisible()

  // The therapist measures navicular height while the other tab switches back to dorsal.
  await leftFoot(page).getByLabel('Foot length (mm)', { exact: true }).fill('250')
  await leftFoot(page).getByLabel('Arch height (navicular, standing) (mm)').fill('38')
  await call(page, 'settings.update', { ...(await call<Record<string, unknown>>(page, 'settings.get', {}, anna)), archHeightMethod: 'dorsal_50' }, anna)
  await recordForm(page).getByRole('button', { name: 'Save visit' }).click()
  await expect(recordForm(page).getByRole('alert')).toHaveText(
    'The clinic now measures arch height as “Dorsal arch height at 50 % of foot length”, but this page still showed “Navicular height, standing”. Nothing was saved: reload the page and enter the visit again.',
  )
  expect(await call<unknown[]>(page, 'visits.list', { patientId }, anna)).toEqual([])
  // Regaining focus reads the settings again but does not relabel a value typed under the other method.
  const reread = page.waitForResponse((r) => r.url().endsWith('/api/settings.get'))
  await page.evaluate(() => (globalThis as unknown as { dispatchEvent(e: Event): boolean }).dispatchEvent(new Event('focus')))
  await reread
  await expect(leftFoot(page).getByLabel('Arch height (navicular, standing) (mm)')).toHaveValue('38')
})

// The header's "Who is working" switch is gone with sign-in, and so is the visit form's note about
// it: the signed-in user cannot change while a form is open. Another therapist takes over through
// the lock screen, and what the first one typed is never filed under them.
test('another therapist taking over the workstation gets a fresh visit form in their name, without what the first typed', async ({ page }) => {
  const { anna, patientId } = await clinic(page)
  await page.goto(`${shell.url}#/patients/${patientId}/measurements`)
  await expect(recordForm(page).getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Anna Nowak')
  await leftFoot(page).getByLabel('Foot length (mm)', { exact: true }).fill('250')

  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click()
  const unlock = page.getByRole('form', { name: 'Unlock' })
  await expect(unlock).toContainText('Anna Nowak is signed in.')
  await unlock.getByRole('button', { name: 'Switch user' }).click()
  const confirm = page.getByRole('dialog', { name: 'Switch user?' })
  await expect(confirm).toContainText('Anna Nowak has a form that is not saved yet. Switching user signs them out and discards it.')
  await confirm.getByRole('button', { name: 'Discard and switch user' }).click()
  await signInOnPage(page, 'ben.okafor')
  // Ben starts at the patient list (not on the page Anna had open) and opens the patient himself.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Patients')
  await page.goto(`${shell.url}#/patients/${patientId}/measurements`)

  await expect(recordForm(page).getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Ben Okafor')
  await expect(leftFoot(page).getByLabel('Foot length (mm)', { exact: true })).toHaveValue('')
  await leftFoot(page).getByLabel('Foot length (mm)', { exact: true }).fill('251')
  await recordForm(page).getByRole('button', { name: 'Save visit' }).click()
  await expect(page.getByText(/^Visit of .* saved$/).first()).toBeVisible()
  const [visit] = await call<{ therapistName: string }[]>(page, 'visits.list', { patientId }, anna)
  expect(visit!.therapistName).toBe('Ben Okafor')
})

test('a therapist picked by hand on the form, and what was typed, come back after the screen is locked and unlocked', async ({ page }) => {
  const { patientId } = await clinic(page)
  await page.goto(`${shell.url}#/patients/${patientId}/measurements`)
  await chooseOption(page, recordForm(page), 'Therapist', 'Ben Okafor')
  await leftFoot(page).getByLabel('Foot length (mm)', { exact: true }).fill('250')
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click()
  const unlock = page.getByRole('form', { name: 'Unlock' })
  // Locked, the page shows no patient.
  await expect(page.getByText('Dvořáková')).toHaveCount(0)
  await unlock.getByLabel('PIN or passphrase').fill(E2E_PIN)
  await unlock.getByRole('button', { name: 'Unlock' }).click()
  await expect(recordForm(page).getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Ben Okafor')
  await expect(leftFoot(page).getByLabel('Foot length (mm)', { exact: true })).toHaveValue('250')
})
