// A therapist's day in the real app: first start and clinic set-up, signing in and out, a patient from baseline to the four-month review,
// the numbers read off the screen, axe scans and screenshots of every main screen in light and dark.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { readPdf } from '../unit/pdf/read-pdf'
import { signInOnPage } from './support-api'
import { dayFromToday, expectLoaded, screenshot, seriousAxeViolations, setColorScheme } from './support-ui'

test.use({ actionTimeout: 10_000 })

const ANNA_PIN = '580214'
const BEN_PIN = '731942'

let shell: RunningShell
test.beforeAll(async ({}, testInfo) => {
  // Project "postgres" runs this day again on a PostgreSQL server (playwright.config.ts).
  shell = await startShell({ dialect: testInfo.project.metadata.dialect })
})
test.afterAll(async () => {
  await shell?.stop()
})

interface Foot {
  footLengthMm?: string
  truncatedFootLengthMm?: string
  archHeightMm?: string
  navicularSittingMm?: string
  navicularStandingMm?: string
}
const FIELD_LABEL: Record<keyof Foot, string> = {
  footLengthMm: 'Foot length (mm)',
  truncatedFootLengthMm: 'Truncated foot length (mm)',
  archHeightMm: 'Arch height (dorsal, 50 % FL) (mm)',
  navicularSittingMm: 'Navicular height sitting (mm)',
  navicularStandingMm: 'Navicular height standing (mm)',
}

const foot = (page: Page, side: 'Left' | 'Right'): Locator => page.getByRole('form', { name: 'Record visit' }).getByRole('group', { name: `${side} foot` })

async function fillVisit(page: Page, v: { date: string; left: Foot; right: Foot; pain?: Record<string, string> }): Promise<void> {
  const form = page.getByRole('form', { name: 'Record visit' })
  await form.getByLabel('Visit date').fill(v.date)
  for (const [side, values] of [['Left', v.left], ['Right', v.right]] as const) {
    for (const [k, text] of Object.entries(values) as [keyof Foot, string][]) {
      await foot(page, side).getByLabel(FIELD_LABEL[k], { exact: true }).fill(text)
    }
  }
  for (const [label, score] of Object.entries(v.pain ?? {})) await form.getByLabel(label, { exact: true }).fill(score)
}

const PDF_DIR = resolve(__dirname, '../../test-results/pdf')

/** Clicks a document button and reads the downloaded PDF's text; keeps a copy under test-results/pdf. */
async function downloadPdfText(page: Page, button: string, keepAs: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()])
  const bytes = readFileSync((await download.path())!)
  mkdirSync(PDF_DIR, { recursive: true })
  writeFileSync(join(PDF_DIR, keepAs), bytes)
  return (await readPdf(bytes)).text
}

async function saveVisitWithEnter(page: Page): Promise<void> {
  // Enter in a number field saves the visit (keyboard-first entry).
  await foot(page, 'Right').getByLabel(FIELD_LABEL.footLengthMm, { exact: true }).press('Enter')
  await expect(page.getByText(/^Visit of .* saved$/).first()).toBeVisible()
  await expect(foot(page, 'Left').getByLabel(FIELD_LABEL.footLengthMm, { exact: true })).toHaveValue('')
}

test('a therapist day: set-up, baseline, program, follow-ups, four-month review', async ({ page }) => {
  // A whole day of clicks plus two PDFs; on a busy 2-core machine it takes up to about 2.5 minutes.
  test.setTimeout(300_000)
  const violations: string[] = []
  const baselineDate = dayFromToday(-110) // week 16 of 16 today; review date in 2 days
  const at = (weeks: number) => dayFromToday(-110 + weeks * 7)

  // --- first start: Anna sets up the clinic as its administrator, then adds Ben ---------------
  await page.goto(`${shell.url}#/patients`)
  const setup = page.getByRole('form', { name: 'Set up the first administrator' })
  await expect(setup.getByRole('heading', { name: 'Welcome to Footcore' })).toBeVisible()
  for (const v of await seriousAxeViolations(page)) violations.push(`first-start: ${v}`)
  await setup.getByLabel('Your name').fill('Anna Kowalska')
  await expect(setup.getByLabel('Sign-in name')).toHaveValue('anna.kowalska')
  await setup.getByLabel('Choose a PIN').fill(ANNA_PIN)
  await setup.getByLabel('Type it again').fill(ANNA_PIN)
  await setup.getByRole('button', { name: 'Create the administrator' }).click()
  await expect(page.getByLabel('Recovery code', { exact: true })).toHaveText(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/)
  await page.getByLabel('I have printed or written down the recovery code').check()
  await page.getByRole('button', { name: 'Continue to Footcore' }).click()
  await expect(page.getByRole('banner')).toContainText('Anna Kowalska')
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.getByLabel('Clinic name').fill('Foot Core Physio Kraków')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('banner')).toContainText('Foot Core Physio Kraków')
  const addForm = page.getByRole('form', { name: 'Add a user' })
  await addForm.getByRole('textbox', { name: 'Name', exact: true }).fill('Ben Okafor')
  await addForm.getByRole('button', { name: 'Add user' }).click()
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('Ben Okafor')
  // The one-time code Anna hands to Ben; he chooses his own PIN with it later today.
  const benCode = ((await page.getByLabel('One-time code', { exact: true }).textContent()) ?? '').trim()
  expect(benCode).not.toBe('')

  // --- a new patient; one bad entry first ----------------------------------------------------
  await page.getByRole('link', { name: 'Patients', exact: true }).click()
  await expect(page.getByText('No patients yet.')).toBeVisible()
  await page.getByRole('link', { name: 'New patient' }).first().click()
  await page.getByLabel('First name').fill('Zoë')
  await page.getByLabel('Last name').fill("Łukasiewicz-O'Brien")
  await page.getByLabel('Date of birth').fill('1981-02-29')
  await page.getByLabel('Plantar heel pain').check()
  await page.getByLabel('Email').fill('zoe@example.com')
  // Leaving with unsaved changes asks first, and staying keeps what was typed.
  await page.getByRole('link', { name: 'Due reviews' }).click()
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible()
  await page.getByRole('button', { name: 'Stay on the form' }).click()
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(/1981-02-29 is not a day of the calendar/)
  await expect(page.getByLabel('Date of birth')).toBeFocused()
  await expect(page.getByLabel('Last name')).toHaveValue("Łukasiewicz-O'Brien")
  await expect(page.getByLabel('Email')).toHaveValue('zoe@example.com')
  await page.getByLabel('Date of birth').fill('1981-03-01')
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Zoë Łukasiewicz-O'Brien")
  const patientUrl = page.url().replace(/#.*$/, '') + (new URL(page.url()).hash)

  // --- baseline visit ------------------------------------------------------------------------
  await page.getByRole('tab', { name: 'Measurements' }).click()
  await expect(page.getByRole('combobox', { name: 'Kind of visit' })).toHaveValue('Baseline')
  await expect(page.getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Anna Kowalska')
  await fillVisit(page, {
    date: baselineDate,
    left: { footLengthMm: '250', truncatedFootLengthMm: '182', archHeightMm: '62', navicularSittingMm: '45', navicularStandingMm: '37' },
    right: { footLengthMm: '251', truncatedFootLengthMm: '183', archHeightMm: '61', navicularSittingMm: '44', navicularStandingMm: '36' },
    pain: { 'Foot / heel': '6', Knee: '3', 'Low back': '4', Neck: '2', Headache: '5', 'Headache days': '8' },
  })
  // Tab runs down the left foot, then on to the right foot.
  await foot(page, 'Left').getByLabel(FIELD_LABEL.navicularStandingMm, { exact: true }).focus()
  await page.keyboard.press('Tab')
  await expect(foot(page, 'Right').getByLabel(FIELD_LABEL.footLengthMm, { exact: true })).toBeFocused()
  // Derived numbers appear live, before saving.
  await expect(page.getByTestId('visit-live-left')).toContainText('Arch height index: 0.341')
  await expect(page.getByTestId('visit-live-left')).toContainText('Navicular drop: 8.0 mm')
  await expect(page.getByTestId('visit-live-right')).toContainText('Arch height index: 0.333')
  await saveVisitWithEnter(page)
  await expect(page.getByRole('table', { name: 'Visits' })).toContainText('Baseline')

  // --- assign the 16-week program and change one dosage -------------------------------------
  await page.getByRole('tab', { name: 'Program' }).click()
  await page.getByRole('button', { name: 'Assign “Foot core — 16 weeks”' }).click()
  await page.getByLabel('Start date').fill(baselineDate)
  await page.getByRole('button', { name: 'Assign program' }).click()
  await expect(page.getByText('Program assigned.')).toBeVisible()
  await page.getByRole('button', { name: 'Change program' }).click()
  const firstItem = page.getByTestId('program-item').first()
  await firstItem.getByLabel('Sets', { exact: true }).fill('4')
  await page.getByLabel('Reason for the change (optional)').fill('Towel work is easy now')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Program changes saved.')).toBeVisible()
  await expect(page.getByText('Towel crumpling: sets 3 → 4')).toBeVisible()
  // The program follows the 16-week plan; the handout prints it ahead.
  await expect(page.getByTestId('plan-next').nth(1)).toHaveText('planned: standing on both feet from week 5')
  const handout = await downloadPdfText(page, 'Print handout', 'therapist-day-handout.pdf')
  expect(handout).toContain(
    'Your plan Weeks Stage Dosage Now to week 4 Sitting Hold 5 seconds. Do it 10 times, 3 sets, once a day. Weeks 5–8 Standing on both feet as your therapist sets it then Weeks 9–12 Standing on one foot',
  )
  expect(handout).toContain('Now to week 4 Sitting, towel only Do it until the towel is gathered (about 10–15 pulls), 4 sets, once a day. Weeks 5–8 Sitting, with a small weight')
  expect(handout).toContain('From week 5 Minimalist shoes for everyday walking as your therapist sets it then When your therapist allows it')

  // --- follow-ups at weeks 4, 8 and 12 -------------------------------------------------------
  await page.getByRole('tab', { name: 'Measurements' }).click()
  // Each follow-up: the days done from the calendar (28 planned days in each 4-week period) and the
  // therapist's confirmation per exercise; at week 9 the towel's weight stage is held.
  const followUps = [
    { w: 4, l: ['249.5', '181.5', '62.5'], r: ['251', '183', '61.5'], done: '10', steps: [['Short-foot exercise (arch doming)', 'Advance'], ['Towel crumpling', 'Advance'], ['Minimalist shoes / barefoot transition', 'Advance']] },
    { w: 8, l: ['249', '181', '63,5'], r: ['250,5', '182,5', '62.5'], done: '12', steps: [['Short-foot exercise (arch doming)', 'Advance'], ['Towel crumpling', 'Hold']] },
    { w: 12, l: ['248', '180.5', '65'], r: ['250.5', '182', '63.5'], done: '14', steps: [['Short-foot exercise (arch doming)', 'Advance'], ['Towel crumpling', 'Advance']] },
  ]
  const programPart = page.getByRole('group', { name: 'Program since the last visit' })
  for (const f of followUps) {
    // Today is 2 days before the review date: a visit today is proposed as the review; the
    // back-dated follow-ups typed below are proposed as follow-ups again.
    await expect(page.getByRole('combobox', { name: 'Kind of visit' })).toHaveValue('Four-month review')
    await fillVisit(page, {
      date: at(f.w),
      left: { footLengthMm: f.l[0], truncatedFootLengthMm: f.l[1], archHeightMm: f.l[2] },
      right: { footLengthMm: f.r[0], truncatedFootLengthMm: f.r[1], archHeightMm: f.r[2] },
      pain: { 'Foot / heel': String(6 - f.w / 4) },
    })
    await expect(page.getByRole('combobox', { name: 'Kind of visit' })).toHaveValue('Follow-up')
    await expect(programPart.getByLabel('Planned days done')).toHaveAccessibleDescription(/^Of 28 planned days since/)
    await programPart.getByLabel('Planned days done').fill(f.done)
    if (f.w === 12) {
      // The hold at week 9 moved the towel's standing stage from week 9 to week 13.
      await expect(programPart.getByRole('radiogroup', { name: 'Towel crumpling' })).toHaveAccessibleDescription(
        'Stage 2 of 3: Sitting, with a small weight on the far end of the towel · planned: standing from week 13',
      )
    }
    for (const [exercise, decision] of f.steps) {
      await programPart.getByRole('radiogroup', { name: exercise! }).getByRole('radio', { name: decision! }).check()
    }
    await saveVisitWithEnter(page)
  }
  const visits = page.getByRole('table', { name: 'Visits' })
  await expect(visits.locator('tbody tr')).toHaveCount(4)
  // Week 4, left arch +0.5 mm: within the 2 mm measurement error.
  await expect(visits.locator('tbody tr').nth(2)).toContainText('+0.5 mm')
  await expect(visits.locator('tbody tr').nth(2)).toContainText('within measurement error')

  // A correction keeps the old value and says who changed what: Ben takes over the computer.
  // Anna signs out; Ben signs in for the first time with his one-time code and chooses his PIN.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  const signIn = page.getByRole('form', { name: 'Sign in' })
  await expect(signIn.getByRole('heading', { name: 'Sign in to Footcore' })).toBeVisible()
  await expect(page.getByText("Łukasiewicz-O'Brien")).toHaveCount(0)
  for (const v of await seriousAxeViolations(page)) violations.push(`sign-in: ${v}`)
  await signIn.getByLabel('Sign-in name').fill('ben.okafor')
  await signIn.getByLabel('PIN or passphrase').fill(benCode)
  await signIn.getByRole('button', { name: 'Sign in' }).click()
  const choosePin = page.getByRole('form', { name: 'Choose your PIN' })
  await choosePin.getByLabel('Choose a PIN').fill(BEN_PIN)
  await choosePin.getByLabel('Type it again').fill(BEN_PIN)
  await choosePin.getByRole('button', { name: 'Save my PIN and sign in' }).click()
  await expect(page.getByRole('banner')).toContainText('Ben Okafor')
  // A new person starts at the patient list (not on the page the last one had open).
  await openPatient(page, 'Measurements')
  await page.getByRole('button', { name: /^Correct visit of .*/ }).nth(1).click()
  const correct = page.getByRole('dialog', { name: 'Correct this visit' })
  await correct.getByRole('group', { name: 'Left foot' }).getByLabel(FIELD_LABEL.archHeightMm, { exact: true }).fill('63,0')
  await correct.getByRole('button', { name: 'Save correction' }).click()
  await expect(correct.getByRole('textbox', { name: 'Reason for the correction' })).toHaveAccessibleDescription(/Say why the visit is corrected/)
  await correct.getByRole('textbox', { name: 'Reason for the correction' }).fill('Calliper slipped')
  await correct.getByRole('button', { name: 'Save correction' }).click()
  await expect(correct).toBeHidden()
  await expect(visits.locator('tbody tr').nth(1)).toContainText('corrected')
  await page.getByRole('button', { name: /^History of visit of .*/ }).nth(1).click()
  const history = page.getByRole('dialog', { name: 'History of this visit' })
  await expect(history).toContainText('corrected by Ben Okafor')
  await expect(history).toContainText('Calliper slipped')
  await expect(history.getByRole('row', { name: /Left arch height/ })).toContainText('63.5 mm')
  await expect(history.getByRole('row', { name: /Left arch height/ })).toContainText('63.0 mm')
  await page.keyboard.press('Escape')
  // Anna is back: Ben signs out, she signs in with her PIN.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await signInOnPage(page, 'anna.kowalska', ANNA_PIN)
  await expect(page.getByRole('banner')).toContainText('Anna Kowalska')

  // The overview reads the week of the program.
  await openPatient(page, 'Overview')
  await expect(page.getByTestId('program-week')).toHaveText('Week 16 of 16')

  // --- the patient is in Due reviews before the review ---------------------------------------
  await page.getByRole('link', { name: 'Patients', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Patients' })).toContainText('Review due')
  await page.getByRole('link', { name: 'Due reviews' }).click()
  const due = page.getByRole('table', { name: 'Due reviews' })
  await expect(due).toContainText("Łukasiewicz-O'Brien, Zoë")
  await expect(due).toContainText('in 2 days')
  // Due reviews with the patient on it is the screen worth a picture.
  for (const scheme of ['light', 'dark'] as const) {
    await setColorScheme(page, scheme)
    await screenshot(page, `due-reviews-${scheme}`)
    for (const v of await seriousAxeViolations(page)) violations.push(`due-reviews (${scheme}): ${v}`)
  }
  await setColorScheme(page, 'light')
  await due.getByRole('link', { name: 'Record the review visit' }).click()
  await expect(page.getByRole('combobox', { name: 'Kind of visit' })).toHaveValue('Four-month review')

  // --- one bad entry in the visit form: message next to the field, typed values kept ---------
  await fillVisit(page, {
    date: at(16) > dayFromToday(0) ? dayFromToday(0) : at(16),
    left: { footLengthMm: '2475', truncatedFootLengthMm: '180', archHeightMm: '66,0', navicularSittingMm: '45', navicularStandingMm: '39' },
    right: { footLengthMm: '250', truncatedFootLengthMm: '181', archHeightMm: '64.5', navicularSittingMm: '44', navicularStandingMm: '38.5' },
    pain: { 'Foot / heel': '2', Knee: '1', 'Low back': '2', Neck: '1', Headache: '2', 'Headache days': '3' },
  })
  await foot(page, 'Right').getByLabel(FIELD_LABEL.archHeightMm, { exact: true }).press('Enter')
  const leftLength = foot(page, 'Left').getByLabel(FIELD_LABEL.footLengthMm, { exact: true })
  await expect(leftLength).toHaveAccessibleDescription('Foot length must be between 100 and 380 mm')
  await expect(leftLength).toBeFocused()
  await expect(leftLength).toHaveValue('2475')
  await expect(foot(page, 'Right').getByLabel(FIELD_LABEL.archHeightMm, { exact: true })).toHaveValue('64.5')
  await expect(foot(page, 'Left').getByLabel(FIELD_LABEL.archHeightMm, { exact: true })).toHaveValue('66,0')
  await leftLength.fill('247.5')
  // Two digits swapped in the truncated length (118 for 181): the index 66.0 / 118.0 = 0.559 is refused
  // next to the arch height with the two numbers to check, and both values stay as typed.
  const leftTruncated = foot(page, 'Left').getByLabel(FIELD_LABEL.truncatedFootLengthMm, { exact: true })
  await leftTruncated.fill('118')
  await foot(page, 'Right').getByLabel(FIELD_LABEL.archHeightMm, { exact: true }).press('Enter')
  const leftArch = foot(page, 'Left').getByLabel(FIELD_LABEL.archHeightMm, { exact: true })
  await expect(leftArch).toHaveAccessibleDescription(
    'Arch height index 0.559 is outside 0.200–0.500: check the arch height (66.0 mm) and the truncated foot length (118.0 mm)',
  )
  await expect(leftArch).toBeFocused()
  await expect(leftTruncated).toHaveValue('118')
  await leftTruncated.fill('180')
  await expect(page.getByTestId('visit-live-left')).toContainText('Arch height index: 0.367')
  // 26 planned days since the week-13 visit (day 84 to day 110).
  await expect(programPart.getByLabel('Planned days done')).toHaveAccessibleDescription(/^Of 26 planned days since the last visit/)
  await programPart.getByLabel('Planned days done').fill('13')
  await expect(page.getByTestId('visit-live-right')).toContainText('Navicular drop: 5.5 mm')
  await saveVisitWithEnter(page)

  await expect(page.getByRole('combobox', { name: 'Kind of visit' })).toHaveValue('Follow-up')

  // --- after the review: change since baseline per foot, on screen --------------------------
  await expect(visits.locator('tbody tr').first()).toContainText('Four-month review')
  await page.getByRole('tab', { name: 'Overview' }).click()
  const left = page.getByRole('table', { name: 'Left foot: change since baseline' })
  const right = page.getByRole('table', { name: 'Right foot: change since baseline' })
  await expect(left.getByRole('row', { name: /^Foot length/ })).toContainText('−2.5 mm (−1.0 %)')
  await expect(left.getByRole('row', { name: /^Foot length/ })).not.toContainText('within measurement error')
  await expect(left.getByRole('row', { name: /^Arch height\b(?! index)/ })).toContainText('+4.0 mm (+6.5 %)')
  await expect(left.getByRole('row', { name: /^Arch height index/ })).toContainText('0.341')
  await expect(left.getByRole('row', { name: /^Arch height index/ })).toContainText('0.367')
  await expect(left.getByRole('row', { name: /^Navicular drop/ })).toContainText('6.0 mm')
  await expect(left.getByRole('row', { name: /^Navicular drop/ })).toContainText('−2.0 mm')
  await expect(right.getByRole('row', { name: /^Foot length/ })).toContainText('−1.0 mm (−0.4 %)')
  await expect(right.getByRole('row', { name: /^Foot length/ })).toContainText('within measurement error')
  await expect(right.getByRole('row', { name: /^Arch height index/ })).toContainText('0.356')
  await expect(right.getByRole('row', { name: /^Navicular drop/ })).toContainText('5.5 mm')
  await expect(page.getByTestId('next-review')).toContainText(`Four-month review recorded on`)
  // Stages reached, and adherence: 10, 12, 14 of 28 and 13 of 26 → 49 of 110 days = 45 %.
  await expect(page.getByTestId('program-stage').nth(1)).toHaveText(
    'Short-foot exercise (arch doming): Stage 4 of 4: With a small knee bend or heel raise, then functional tasks (single-leg squat, step-down) · last stage of the plan',
  )
  const adherence = page.getByRole('table', { name: 'Adherence per period' })
  await expect(adherence.getByRole('row')).toHaveCount(6)
  await expect(adherence.getByRole('row').nth(2)).toContainText('12 of 28')
  await expect(adherence.getByRole('row').nth(2)).toContainText('43 %')
  await expect(page.getByTestId('adherence-overall')).toHaveText('45 %')
  const report = await downloadPdfText(page, 'Progress report', 'therapist-day-report.pdf')
  expect(report).toContain('Short-foot exercise (arch doming) 4 of 4: With a small knee bend')
  expect(report).toContain('Towel crumpling 3 of 3: Standing 3 of 3: Standing')
  expect(report).toContain('Minimalist shoes / barefoot transition 2 of 4: Minimalist shoes for everyday walking 2 of 4: Minimalist shoes for everyday walking')
  expect(report).toMatch(/to \d{1,2} [A-Z][a-z]{2} \d{4}: 12 of 28 planned days \(43 %\)/)
  expect(report).toContain('Overall: 49 of 110 planned days (45 %)')
  expect(report).toContain('Adherence was under 50 % of the planned days: the measured change should be read with that in mind.')
  // The confirmations are in the audit trail (newest first), with the stage before and after.
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByRole('row', { name: /^Towel crumpling: stage/ }).last()).toContainText(
    'Stage 1 of 3: Sitting, towel only → Stage 2 of 3: Sitting, with a small weight on the far end of the towel',
  )
  await expect(page.getByText(`Reason: Stages confirmed at the visit of ${at(4)}`)).toBeVisible()

  // --- and the patient has left Due reviews --------------------------------------------------
  await page.getByRole('link', { name: 'Due reviews' }).click()
  await page.getByText('30 days', { exact: true }).click()
  await expect(page.getByText('No reviews are due in the next 30 days')).toBeVisible()

  // --- every main screen, light and dark: axe and screenshots -------------------------------
  const patientId = /#\/patients\/(\d+)/.exec(patientUrl)![1]
  // [name, address, heading, a text that shows the screen's data has arrived]
  const screens: [string, string, string, string][] = [
    ['patients', '#/patients', 'Patients', "Łukasiewicz-O'Brien, Zoë"],
    ['patient-new', '#/patients/new', 'New patient', 'Create patient'],
    ['patient-overview', `#/patients/${patientId}/overview`, "Zoë Łukasiewicz-O'Brien", 'Right foot'],
    ['patient-measurements', `#/patients/${patientId}/measurements`, "Zoë Łukasiewicz-O'Brien", 'Four-month review'],
    ['patient-program', `#/patients/${patientId}/program`, "Zoë Łukasiewicz-O'Brien", 'Towel crumpling'],
    ['patient-history', `#/patients/${patientId}/history`, "Zoë Łukasiewicz-O'Brien", 'Ben Okafor'],
    ['patient-edit', `#/patients/${patientId}/edit`, "Edit Zoë Łukasiewicz-O'Brien", 'Archive'],
    ['exercises', '#/exercises', 'Exercise library', 'Short-foot exercise (arch doming)'],
    ['settings', '#/settings', 'Settings', 'Anna Kowalska'],
  ]
  for (const scheme of ['light', 'dark'] as const) {
    await setColorScheme(page, scheme)
    await page.reload() // clears the "saved" notifications so every screenshot shows the header
    for (const [name, hash, heading, ready] of screens) {
      await page.goto(`${shell.url}${hash}`)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expect(page.getByText(ready).first()).toBeVisible()
      await expectLoaded(page)
      await screenshot(page, `${name}-${scheme}`)
      for (const v of await seriousAxeViolations(page)) violations.push(`${name} (${scheme}): ${v}`)
    }
  }
  expect(violations, violations.join('\n')).toEqual([])
})

/** From the patient list (where a person starts after signing in) to the day's patient and a tab. */
async function openPatient(page: Page, tab: 'Overview' | 'Measurements'): Promise<void> {
  await page.getByRole('table', { name: 'Patients' }).getByRole('link', { name: /Łukasiewicz-O'Brien/ }).click()
  await page.getByRole('tab', { name: tab }).click()
}
