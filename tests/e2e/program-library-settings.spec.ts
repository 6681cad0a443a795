// A clinic owner sets up the clinic (first start) and its users, adds an exercise, and a therapist assigns and
// adjusts a patient's 16-week program: in Chromium against the browser shell on a fresh database.
import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { callApi, E2E_PIN, workAs } from './support-api'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async () => {
  await shell.stop()
})

const SCREENSHOTS = 'test-results/screenshots'

/** One contract call through the shell's HTTP API (support-api), as the administrator unless told. */
const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null = null): Promise<T> => callApi<T>(page, shell.url, method, input, actorId)

/** A clinic with its administrator, and therapist Ana Kowalska signed in at this page. */
async function signedInTherapist(page: Page): Promise<{ id: number }> {
  await page.goto(shell.url)
  await call(page, 'users.create', { displayName: 'Olga Nowak' })
  const ana = await call<{ id: number }>(page, 'users.create', { displayName: 'Ana Kowalska', credentials: 'PT', role: 'therapist' })
  await workAs(page, ana.id)
  return ana
}

/** Writes the page's local storage (a string script: the test project has no DOM types). */
async function setLocalStorage(page: Page, key: string, value: string) {
  await page.evaluate(`window.localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)})`)
}

/** The screen's own content; the app shell's header and navigation are scanned by the shell's tests. */
async function expectNoSeriousAxeViolations(page: Page, screen: string, scope = 'main') {
  const results = await new AxeBuilder({ page }).include(scope).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  console.log(`axe ${screen}: ${serious.length} serious/critical; others: ${results.violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'}`)
  expect(summary, `axe on ${screen}`).toEqual([])
}

/** Light and dark screenshots of the screen as it is now (the scheme survives a reload). */
async function screenshots(page: Page, name: string, ready: () => Promise<void>) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await setLocalStorage(page, 'mantine-color-scheme-value', scheme)
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
    await ready()
    await expectNoSeriousAxeViolations(page, `${name} (${scheme})`)
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${scheme}.png`, fullPage: true })
  }
  await setLocalStorage(page, 'mantine-color-scheme-value', 'light')
}

// A 1×1 transparent PNG.
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

test('settings are saved and survive a reload; a bad threshold is explained next to its field', async ({ page }) => {
  // Settings are the administrator's.
  await page.goto(shell.url)
  await call(page, 'users.create', { displayName: 'Olga Nowak' })
  await workAs(page, null)
  await page.goto(`${shell.url}#/settings`)
  const clinic = page.getByRole('form', { name: 'Clinic settings' })
  await clinic.getByLabel('Clinic name').fill('Northside Foot & Spine Physiotherapy Clinic of the Greater Riverside Area')
  await clinic.getByLabel('Address').fill('12 Harbour Road\nRiverside 4051')
  await clinic.getByLabel('Phone').fill('+61 7 5555 0123')
  await clinic.getByLabel('Email').fill('front-desk@northside.example')
  await clinic.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: TINY_PNG })
  await expect(clinic.getByRole('img', { name: 'Logo preview' })).toBeVisible()
  await clinic.getByLabel('Letter (8.5 × 11 in)').check()
  await clinic.getByLabel('Navicular height, standing').check()
  await clinic.getByLabel('Arch height (mm)').fill('1,5')
  await clinic.getByLabel('Foot length (mm)').fill('2.5')
  await clinic.getByLabel('Navicular drop (mm)').fill('3')
  await expect(clinic.getByLabel('Arch height index')).toHaveValue('0.025')
  await clinic.getByLabel('Arch height index').fill('0,03')
  await clinic.getByLabel('Default review interval (weeks)').fill('12')
  await clinic.getByRole('button', { name: 'Save settings' }).click()
  await expect(clinic.getByRole('status')).toHaveText('Settings saved.')

  await page.reload()
  await expect(clinic.getByLabel('Clinic name')).toHaveValue('Northside Foot & Spine Physiotherapy Clinic of the Greater Riverside Area')
  await expect(clinic.getByLabel('Address')).toHaveValue('12 Harbour Road\nRiverside 4051')
  await expect(clinic.getByLabel('Arch height (mm)')).toHaveValue('1.5')
  await expect(clinic.getByLabel('Foot length (mm)')).toHaveValue('2.5')
  await expect(clinic.getByLabel('Arch height index')).toHaveValue('0.030')
  await expect(clinic.getByLabel('Default review interval (weeks)')).toHaveValue('12')
  await expect(clinic.getByLabel('Letter (8.5 × 11 in)')).toBeChecked()
  await expect(clinic.getByLabel('Navicular height, standing')).toBeChecked()
  await expect(clinic.getByRole('img', { name: 'Logo preview' })).toBeVisible()

  // A threshold out of range: the message sits with the field and nothing typed is lost.
  await clinic.getByLabel('Phone').fill('+61 7 5555 9999')
  await clinic.getByLabel('Arch height (mm)').fill('12')
  // Two decimals would be compared as 2.2 while the settings say 2.24: refused.
  await clinic.getByLabel('Foot length (mm)').fill('2,24')
  await clinic.getByLabel('Arch height (mm)').press('Enter')
  await expect(clinic.getByLabel('Arch height (mm)')).toHaveAccessibleDescription(/Smallest meaningful change for arch height must be between 0.5 and 10 mm/)
  await expect(clinic.getByLabel('Foot length (mm)')).toHaveAccessibleDescription(/Smallest meaningful change for foot length can have at most one decimal/)
  await expect(clinic.getByLabel('Arch height (mm)')).toBeFocused()
  await expect(clinic.getByLabel('Arch height (mm)')).toHaveValue('12')
  await expect(clinic.getByLabel('Phone')).toHaveValue('+61 7 5555 9999')
  // Not a number at all is caught before saving, in the same words.
  await clinic.getByLabel('Navicular drop (mm)').fill('two')
  await clinic.getByRole('button', { name: 'Save settings' }).click()
  await expect(clinic.getByText('Smallest meaningful change for navicular drop must be a number in mm')).toBeVisible()

  // A logo that is too big is refused with its size before anything is sent.
  await clinic.locator('input[type="file"]').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(600 * 1024, 1) })
  await expect(clinic.getByText(/This logo is 600 kB; choose an image of at most 500 kB/)).toBeVisible()
  await clinic.getByRole('button', { name: 'Remove logo' }).click()
  await expect(clinic.getByRole('img', { name: 'Logo preview' })).toHaveCount(0)
})

test('the owner sets up the first administrator, adds a therapist, edits and deactivates them; the last administrator cannot be deactivated', async ({ page }) => {
  // First start: nobody has signed in to this clinic yet.
  await page.goto(shell.url)
  const setup = page.getByRole('form', { name: 'Set up the first administrator' })
  await setup.getByLabel('Your name').fill('Ana Kowalska')
  await expect(setup.getByLabel('Sign-in name')).toHaveValue('ana.kowalska')
  await setup.getByLabel('Choose a PIN').fill(E2E_PIN)
  await setup.getByLabel('Type it again').fill(E2E_PIN)
  await setup.getByRole('button', { name: 'Create the administrator' }).click()
  await expect(page.getByRole('heading', { name: 'The clinic’s recovery code' })).toBeVisible()
  await page.getByLabel('I have printed or written down the recovery code').check()
  await page.getByRole('button', { name: 'Continue to Footcore' }).click()
  await expect(page.getByRole('banner')).toContainText('Ana Kowalska')

  await page.goto(`${shell.url}#/settings`)
  const add = page.getByRole('form', { name: 'Add a user' })
  const table = page.getByRole('table', { name: 'Users' })
  await expect(table.getByRole('row', { name: /Ana Kowalska/ })).toContainText('You')
  await expect(table.getByRole('row', { name: /Ana Kowalska/ })).toContainText('ana.kowalska')

  // A bad name is explained next to the field and stays typed.
  await add.getByLabel('Name', { exact: true }).fill('Ana 2nd')
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(add.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Name can contain only letters/)
  await expect(add.getByLabel('Name', { exact: true })).toHaveValue('Ana 2nd')

  await add.getByLabel('Name', { exact: true }).fill("Ben O'Neill-Łukasiewicz")
  await add.getByLabel('Sign-in name (optional)').fill('ben.oneill')
  await add.getByRole('button', { name: 'Add user' }).click()
  // The one-time code Ben signs in with once, to choose his PIN.
  await expect(page.getByRole('status').filter({ hasText: "One-time code for Ben O'Neill-Łukasiewicz" })).toContainText('signs in with the sign-in name ben.oneill')
  await expect(table.getByRole('row')).toHaveCount(3)
  const ben = table.getByRole('row', { name: /Ben O'Neill-Łukasiewicz/ })
  await expect(ben).toContainText('Waiting to choose a PIN')
  await expect(ben.getByRole('combobox', { name: /Role of Ben/ })).toHaveValue('Therapist')
  await expect(ben).not.toContainText('You')

  // Edit Ben's credentials.
  await ben.getByRole('button', { name: /Edit Ben/ }).click()
  await page.getByRole('form', { name: /Edit Ben/ }).getByRole('textbox', { name: /Credentials of Ben/ }).fill('Physiotherapist')
  await page.getByRole('form', { name: /Edit Ben/ }).getByRole('button', { name: 'Save' }).click()
  await expect(table.getByRole('row', { name: /Ben O'Neill-Łukasiewicz/ })).toContainText('Physiotherapist')

  // Deactivate Ben, then try Ana, the only administrator: the API refuses and the message is shown.
  await table.getByRole('button', { name: /Deactivate Ben/ }).click()
  await expect(table.getByRole('row', { name: /Ben O'Neill-Łukasiewicz/ })).toContainText('Inactive')
  await page.getByLabel('Show inactive users').uncheck()
  await expect(table.getByRole('row')).toHaveCount(2)
  await page.getByLabel('Show inactive users').check()
  await table.getByRole('button', { name: 'Deactivate Ana Kowalska' }).click()
  await expect(page.getByRole('alert')).toContainText('At least one administrator must stay active')
  await table.getByRole('button', { name: /Reactivate Ben/ }).click()
  await expect(table.getByRole('row', { name: /Ben O'Neill-Łukasiewicz/ })).toContainText('Waiting to choose a PIN')

  await page.reload()
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(table.getByRole('row', { name: /Ana Kowalska/ })).toContainText('You')
  await screenshots(page, 'settings', async () => {
    await expect(table.getByRole('row')).toHaveCount(3)
  })
})

test('a custom exercise is created and listed with its dosage; built-ins are read-only', async ({ page }) => {
  // A therapist is signed in: the clinic's own exercises are recorded under them.
  await signedInTherapist(page)
  await page.goto(`${shell.url}#/exercises`)
  await page.reload()
  await expect(page.getByText('No exercises of your own yet.')).toBeVisible()
  const shortFoot = page.getByRole('article', { name: 'Short-foot exercise (arch doming)' })
  await expect(shortFoot).toContainText('Built-in')
  await expect(shortFoot).toContainText('Hold 5 seconds. Do it 10 times, 3 sets, once a day.')
  await expect(shortFoot.getByRole('button', { name: /Edit/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'New exercise' }).click()
  const form = page.getByRole('form', { name: 'New exercise' })
  await expect(form).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'new exercise form', '[role="dialog"]')
  await form.getByLabel('Name', { exact: true }).fill('Toe spreading with a resistance band looped around all five toes')
  await form.getByLabel('Purpose').fill('Strengthens the muscles that spread the toes.')
  await form.getByLabel('Step 1', { exact: true }).fill('Sit with both feet flat on the floor.')
  await form.getByRole('button', { name: 'Add step' }).click()
  await form.getByLabel('Step 2', { exact: true }).fill('Spread the toes as wide as you can and hold.')
  await form.getByRole('button', { name: 'Add mistake' }).click()
  await form.getByLabel('Mistake 1', { exact: true }).fill('Lifting the toes off the floor.')
  await form.getByLabel('Stage 1', { exact: true }).fill('Without a band')
  await form.getByRole('button', { name: 'Add stage' }).click()
  await form.getByLabel('Stage 2', { exact: true }).fill('With a light band')
  await form.getByLabel('Sets').fill('2')
  await form.getByLabel('Repetitions', { exact: true }).fill('0')
  await form.getByRole('button', { name: 'Create exercise' }).click()
  // A bad number is explained next to its field; the rest stays typed.
  await expect(form.getByLabel('Repetitions', { exact: true })).toHaveAccessibleDescription(/Repetitions must be between 1 and 100/)
  await expect(form.getByLabel('Step 2', { exact: true })).toHaveValue('Spread the toes as wide as you can and hold.')
  await form.getByLabel('Repetitions', { exact: true }).fill('10')
  await form.getByLabel('Hold (seconds)').fill('5')
  await form.getByRole('button', { name: 'Create exercise' }).click()

  const own = page.getByRole('article', { name: 'Toe spreading with a resistance band looped around all five toes' })
  await expect(own).toContainText('Clinic’s own')
  await expect(own).toContainText('Hold 5 seconds. Do it 10 times, 2 sets, once a day.')
  await expect(own).toContainText('Spread the toes as wide as you can and hold.')
  await expect(own).toContainText('With a light band')

  await own.getByRole('button', { name: /Edit Toe spreading/ }).click()
  const edit = page.getByRole('form', { name: /Edit Toe spreading/ })
  await edit.getByLabel('Times a day').fill('2')
  await edit.getByRole('button', { name: 'Save exercise' }).click()
  await expect(own).toContainText('Hold 5 seconds. Do it 10 times, 2 sets, twice a day.')

  await screenshots(page, 'exercises', async () => {
    await expect(own).toBeVisible()
  })
})

test('the 16-week template is assigned, a dosage changed and reordered, shown in history, then ended', async ({ page }) => {
  const therapist = await signedInTherapist(page)
  const patient = await call<{ id: number }>(
    page,
    'patients.create',
    { firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", dateOfBirth: '1980-02-29' },
    therapist.id,
  )
  await page.goto(`${shell.url}#/patients/${patient.id}/program`)
  await page.reload()

  await expect(page.getByText('No active program')).toBeVisible()
  await expect(page.getByText('No programs yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Assign “Foot core — 16 weeks”' }).click()
  const editor = page.getByRole('form', { name: 'Assign program' })
  const groups = editor.getByRole('group')
  await expect(editor.getByTestId('program-item').locator('legend')).toHaveText([
    'Towel crumpling',
    'Short-foot exercise (arch doming)',
    'Minimalist shoes / barefoot transition',
  ])
  // The browser runs on this machine, so its local date is this process's local date.
  const d = new Date()
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  // Dates are shown as every screen writes them ("30 Nov 2026").
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const shown = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`
  await expect(editor.getByLabel('Start date')).toHaveValue(shown(today))
  const review = new Date(`${today}T00:00:00Z`)
  review.setUTCDate(review.getUTCDate() + 16 * 7)
  await expect(editor.getByLabel('Review date')).toHaveValue(shown(review.toISOString().slice(0, 10)))

  // A bad dosage: sets 0. The message sits with that exercise's field; typed notes stay.
  const shortFoot = groups.filter({ has: page.locator('legend', { hasText: 'Short-foot exercise' }) })
  await shortFoot.getByLabel('Sets').fill('0')
  await shortFoot.getByLabel('Notes').fill('Start with the left foot, it is the flatter one.')
  await editor.getByRole('button', { name: 'Assign program' }).click()
  await expect(shortFoot.getByLabel('Sets')).toHaveAccessibleDescription(/Sets must be between 1 and 10/)
  await expect(shortFoot.getByLabel('Sets')).toBeFocused()
  await expect(shortFoot.getByLabel('Notes')).toHaveValue('Start with the left foot, it is the flatter one.')
  await shortFoot.getByLabel('Sets').fill('3')
  await shortFoot.getByLabel('Sets').press('Enter')

  await expect(page.getByRole('status')).toHaveText('Program assigned.')
  const current = page.getByRole('region', { name: 'Foot core — 16 weeks' })
  await expect(current.getByTestId('program-week')).toHaveText('Week 1 of 16')
  const items = current.getByTestId('current-program-item')
  await expect(items).toHaveCount(3)
  await expect(items.nth(1)).toContainText('Hold 5 seconds. Do it 10 times, 3 sets, once a day.')
  await expect(items.nth(1)).toContainText('Sitting')
  await expect(items.nth(1)).toContainText('Start with the left foot')
  // The handout for this program downloads as a PDF from beside the title.
  const download = page.waitForEvent('download')
  await current.getByRole('button', { name: 'Print handout' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/)

  // Change one dosage and the stage, and move the barefoot transition up with the keyboard.
  await current.getByRole('button', { name: 'Change program' }).click()
  const change = page.getByRole('form', { name: 'Change program' })
  const shortFoot2 = change.getByRole('group').filter({ has: page.locator('legend', { hasText: 'Short-foot exercise' }) })
  await shortFoot2.getByLabel('Sets').fill('2')
  // Stage is a Mantine Select like every other list: open it, pick the stage.
  await shortFoot2.getByRole('combobox', { name: 'Stage' }).click()
  await page.getByRole('option', { name: 'Standing on both feet', exact: true }).click()
  await expect(shortFoot2.getByRole('combobox', { name: 'Stage' })).toHaveValue('Standing on both feet')
  // Leaving with unsaved changes asks first; staying keeps what was typed.
  await page.getByRole('link', { name: 'Exercise library' }).click()
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Stay on the form' }).click()
  await expect(shortFoot2.getByLabel('Sets')).toHaveValue('2')
  await change.getByRole('button', { name: 'Move Minimalist shoes / barefoot transition up' }).focus()
  await page.keyboard.press('Enter')
  await expect(change.getByTestId('program-item').locator('legend')).toHaveText([
    'Towel crumpling',
    'Minimalist shoes / barefoot transition',
    'Short-foot exercise (arch doming)',
  ])
  // Focus stays on the moved exercise, so it can be moved again from the keyboard.
  await expect(change.getByRole('button', { name: 'Move Minimalist shoes / barefoot transition up' })).toBeFocused()
  await change.getByLabel('Reason for the change (optional)').fill('Sitting version is easy now')
  await expectNoSeriousAxeViolations(page, 'program editor')
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/program-editor-light.png`, fullPage: true })
  await change.getByRole('button', { name: 'Save changes' }).click()

  await expect(page.getByRole('status')).toHaveText('Program changes saved.')
  await expect(items.nth(1)).toContainText('Minimalist shoes / barefoot transition')
  await expect(items.nth(2)).toContainText('Short-foot exercise (arch doming)')
  await expect(items.nth(2)).toContainText('Hold 5 seconds. Do it 10 times, 2 sets, once a day.')
  await expect(items.nth(2)).toContainText('Standing on both feet')

  const history = page.getByRole('region', { name: 'Program history' })
  await expect(history).toContainText('Short-foot exercise (arch doming): sets 3 → 2; stage Sitting → Standing on both feet')
  await expect(history).toContainText(
    'New order: Towel crumpling, Minimalist shoes / barefoot transition, Short-foot exercise (arch doming)',
  )
  await expect(history).toContainText('Reason: Sitting version is easy now')
  await expect(history).toContainText('by Ana Kowalska')
  await expect(history).toContainText('Assigned')

  await screenshots(page, 'program', async () => {
    await expect(page.getByRole('region', { name: 'Program history' })).toContainText('sets 3 → 2')
  })

  // End the program behind a confirmation.
  await page.getByRole('button', { name: 'End program' }).click()
  const dialog = page.getByRole('dialog', { name: 'End program' })
  await dialog.getByLabel('Reason (optional)').fill('Review done, continuing at home')
  await expectNoSeriousAxeViolations(page, 'end program dialog', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'End program' }).click()
  await expect(page.getByRole('status')).toHaveText('Program ended.')
  await expect(page.getByText('No active program')).toBeVisible()
  await expect(history).toContainText('Ended on')
  await expect(history).toContainText('Reason: Review done, continuing at home')
})
