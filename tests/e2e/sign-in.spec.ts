// Who is at the keyboard, end to end: the first start makes the administrator and shows the
// recovery code; the administrator adds a therapist and a receptionist, who sign in with one-time
// codes; reception never reaches measurements or the progress report (no link, and the API refuses
// a call typed into the page); the idle lock empties the page and keeps a half-typed visit.
import { expect, test, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { chooseOption, screenshot, seriousAxeViolations } from './support-ui'

let shell: RunningShell
test.beforeAll(async () => {
  shell = await startShell()
})
test.afterAll(async () => shell?.stop())

const ADMIN_PIN = '731946'

async function signIn(page: Page, loginName: string, secret: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' })
  await form.getByLabel('Sign-in name').fill(loginName)
  await form.getByLabel('PIN or passphrase').fill(secret)
  await form.getByRole('button', { name: 'Sign in' }).click()
}

/** A one-time code from Settings → Users, then the person's own PIN: signed in. */
async function firstSignIn(page: Page, loginName: string, code: string, pin: string): Promise<void> {
  await signIn(page, loginName, code)
  const choose = page.getByRole('form', { name: 'Choose your PIN' })
  await choose.getByLabel('Choose a PIN').fill(pin)
  await choose.getByLabel('Type it again').fill(pin)
  await choose.getByRole('button', { name: 'Save my PIN and sign in' }).click()
  await expect(page.getByRole('banner')).toContainText('Sign out')
}

async function addUser(page: Page, name: string, role: 'Therapist' | 'Reception'): Promise<{ loginName: string; code: string }> {
  const form = page.getByRole('form', { name: 'Add a user' })
  await form.getByLabel('Name', { exact: true }).fill(name)
  await chooseOption(page, form, 'Role', role)
  await form.getByRole('button', { name: 'Add user' }).click()
  const notice = page.getByRole('status').filter({ hasText: `One-time code for ${name}` })
  await expect(notice).toBeVisible()
  const code = (await notice.getByLabel('One-time code', { exact: true }).textContent())!.trim()
  const loginName = (await notice.locator('code').textContent())!.trim()
  return { loginName, code }
}

test('first start, users with roles, reception kept from clinical data, and the idle lock', async ({ page }) => {
  test.setTimeout(120_000)
  // The page's clock runs as usual until the test jumps it forward (the idle lock).
  await page.clock.install()
  await page.goto(shell.url)

  // First start: the administrator and the recovery code, shown once.
  const setup = page.getByRole('form', { name: 'Set up the first administrator' })
  await expect(page.getByRole('heading', { name: 'Welcome to Footcore' })).toBeVisible()
  await setup.getByLabel('Your name').fill('Anna Nowak')
  await expect(setup.getByLabel('Sign-in name')).toHaveValue('anna.nowak')
  await setup.getByLabel('Choose a PIN').fill('123456')
  await setup.getByLabel('Type it again').fill('123456')
  await setup.getByRole('button', { name: 'Create the administrator' }).click()
  await expect(setup.getByText('This PIN is too easy to guess (one digit repeated or a run of digits). Choose another.')).toBeVisible()
  await setup.getByLabel('Choose a PIN').fill(ADMIN_PIN)
  await setup.getByLabel('Type it again').fill(ADMIN_PIN)
  await setup.getByRole('button', { name: 'Create the administrator' }).click()
  const code = page.getByLabel('Recovery code', { exact: true })
  await expect(code).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
  await expect(page.getByRole('button', { name: 'Print the recovery code' })).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshot(page, 'first-start-recovery-code')
  await expect(page.getByRole('button', { name: 'Continue to Footcore' })).toBeDisabled()
  await page.getByLabel('I have printed or written down the recovery code').check()
  await page.getByRole('button', { name: 'Continue to Footcore' }).click()
  await expect(page.getByRole('banner')).toContainText('Anna Nowak')
  await expect(page.getByRole('banner')).toContainText('Administrator')

  // The administrator adds a therapist and a receptionist.
  await page.getByRole('link', { name: 'Settings' }).click()
  const ben = await addUser(page, 'Ben Okafor', 'Therapist')
  const rita = await addUser(page, 'Rita Reception', 'Reception')
  expect([ben.loginName, rita.loginName]).toEqual(['ben.okafor', 'rita.reception'])
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('Waiting to choose a PIN')
  await screenshot(page, 'settings-users')

  await page.getByRole('button', { name: 'Sign out' }).click()

  // Reception: a one-time code, her own PIN, and no way to clinical records.
  await firstSignIn(page, rita.loginName, rita.code, '582046')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link')).toHaveText(['Patients', 'Due reviews'])
  await page.getByRole('link', { name: 'New patient' }).first().click()
  await expect(page.getByLabel('Notes')).toHaveCount(0)
  await page.getByLabel('First name').fill('Olena')
  await page.getByLabel('Last name').fill('Kovalenko')
  await page.getByLabel('Date of birth').fill('1984-03-09')
  await page.getByLabel('Phone').fill('+380 44 000 0000')
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Olena Kovalenko')
  await expect(page.getByRole('region', { name: 'Contact details' })).toContainText('+380 44 000 0000')
  await expect(page.getByRole('tab', { name: 'Measurements' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Progress report' })).toHaveCount(0)
  const patientId = Number(/#\/patients\/(\d+)/.exec(page.url())![1])
  // Typed into the page's console: the core refuses, whatever the page shows.
  const answer = await page.evaluate(async (id) => {
    // The page's own globals (this runs in the browser).
    const { document, sessionStorage, fetch } = globalThis as unknown as {
      document: { querySelector(s: string): { content: string } }
      sessionStorage: { getItem(k: string): string | null }
      fetch(url: string, init: object): Promise<{ json(): Promise<unknown> }>
    }
    const token = document.querySelector('meta[name="footcore-token"]').content
    const session = sessionStorage.getItem('footcore.session') ?? ''
    const res = await fetch('/api/visits.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Footcore-Token': token, 'X-Footcore-Session': session }, body: JSON.stringify({ input: { patientId: id } }) })
    return res.json()
  }, patientId)
  expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Your role (Reception) does not allow this' } })
  await page.goto(`${shell.url}#/settings`)
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The therapist: the idle lock (1 minute here) empties the page and keeps a half-typed visit.
  await signIn(page, 'anna.nowak', ADMIN_PIN)
  await page.getByRole('link', { name: 'Settings' }).click()
  const lockAfter = page.getByLabel('Lock the screen after (minutes without input)')
  await lockAfter.fill('1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  // The new idle time holds at once on the page that saved it, not only at the next sign-in.
  await page.clock.fastForward('01:05')
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible()
  await page.getByLabel('PIN or passphrase').fill(ADMIN_PIN)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await firstSignIn(page, ben.loginName, ben.code, '864209')
  await page.goto(`${shell.url}#/patients/${patientId}/measurements`)
  const visitForm = page.getByRole('form', { name: 'Record visit' })
  await visitForm.getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true }).fill('251,5')
  await page.clock.fastForward('01:05')
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible()
  // Nothing of the patient is left in the page, not just covered.
  expect(await page.locator('body').innerText()).not.toContain('Kovalenko')
  expect(await page.content()).not.toContain('Kovalenko')
  expect(await page.content()).not.toContain('251,5')
  await expect(page.getByText('Ben Okafor is signed in.')).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshot(page, 'lock-screen')
  // A wrong PIN, then the right one: back on the same screen with the typed value.
  await page.getByLabel('PIN or passphrase').fill('111111')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('That PIN is not right.')).toBeVisible()
  await page.getByLabel('PIN or passphrase').fill('864209')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Olena Kovalenko')
  await expect(page.getByRole('form', { name: 'Record visit' }).getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true })).toHaveValue('251,5')

  // Lock on demand (Ctrl+Shift+L); "Switch user" warns that the typed visit is discarded.
  await page.keyboard.press('Control+Shift+L')
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible()
  await page.getByRole('button', { name: 'Switch user' }).click()
  await expect(page.getByRole('dialog', { name: 'Switch user?' })).toContainText('Ben Okafor has a form that is not saved yet.')
  await page.getByRole('button', { name: 'Discard and switch user' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Footcore' })).toBeVisible()
})
