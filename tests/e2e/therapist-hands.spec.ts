// Issue 15, a therapist's hands: finding patients by any word, typing dates, where the cursor goes,
// visits that should not be, void and restore — at 1366×768 and at the window's minimum 960×640.
import { expect, test, type Page } from '@playwright/test'
import { callApi, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { dayFromToday, screenshot, seriousAxeViolations } from './support-ui'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async () => shell.stop())

const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** "5 Mar 2026", as every screen writes dates. */
const shown = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`
/** "05.03.2026", as a therapist types a date the clinic's way. */
const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`

/** A clinic with a therapist at work and a few patients with hard names. */
async function clinic(page: Page): Promise<{ t: number; ids: Record<string, number> }> {
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  const ids: Record<string, number> = {}
  for (const [firstName, lastName, dateOfBirth] of [
    ['Siobhán', 'Ó Briain', '1981-01-01'],
    ['Pieter', 'van der Berg', '1982-02-02'],
    ['Thị Minh Khai', 'Nguyễn', '1983-03-03'],
    ['Seán', "O'Neill", '1984-04-04'],
    ['Seána', "O'Neilly", '1985-05-05'],
  ] as const) {
    ids[lastName] = (await call<{ id: number }>(page, 'patients.create', { firstName, lastName, dateOfBirth, sex: 'female' }, t)).id
  }
  await workAs(page, t)
  return { t, ids }
}

const feet = { left: { footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 60 }, right: { footLengthMm: 251, truncatedFootLengthMm: 183, archHeightMm: 61 } }

for (const size of [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '960x640', width: 960, height: 640 },
]) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('search finds inner words and names typed without apostrophes; Enter opens the only match, arrows move', async ({ page }) => {
      const { ids } = await clinic(page)
      await page.goto(`${shell.url}#/patients`)
      const box = page.getByRole('textbox', { name: 'Search by name' })
      const rows = page.getByRole('table', { name: 'Patients' }).getByRole('row')
      for (const [typed, found] of [
        ['Briain', 'Ó Briain'],
        ['Berg', 'van der Berg'],
        ['Minh', 'Nguyễn'],
      ] as const) {
        await box.fill(typed)
        await expect(rows).toHaveCount(2)
        await expect(rows.nth(1)).toContainText(found)
      }
      // "oneill" finds both O'Neill and O'Neilly; ArrowDown moves into the results, then through them.
      await box.fill('oneill')
      await expect(rows).toHaveCount(3)
      await box.press('ArrowDown')
      await expect(page.getByRole('link', { name: "O'Neill, Seán", exact: true })).toBeFocused()
      await page.keyboard.press('ArrowDown')
      await expect(page.getByRole('link', { name: "O'Neilly, Seána" })).toBeFocused()
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('ArrowUp')
      await expect(box).toBeFocused()
      // Exactly one match: Enter opens it, even typed faster than the list follows.
      await box.fill('derberg')
      await box.press('Enter')
      await expect(page).toHaveURL(new RegExp(`#/patients/${ids['van der Berg']}`))
      await expect(page.getByRole('heading', { level: 1, name: 'Pieter van der Berg' })).toBeVisible()
    })

    test('a new patient: the birth date typed the clinic way, impossible years refused, focus on the new page; a duplicate links to the first', async ({ page }) => {
      await clinic(page)
      await page.goto(`${shell.url}#/patients/new`)
      await page.getByLabel('First name').fill('Jana')
      await page.getByLabel('Last name').fill('Dvořáková')
      const dob = page.getByRole('textbox', { name: 'Date of birth' })
      await dob.fill('14.03.19790')
      await page.getByLabel('Phone').focus()
      await expect(page.getByText('Year 19790 is not possible: type a date like 20 Jul 2026 or 2026-07-20')).toBeVisible()
      await dob.fill('14.03.1979')
      await page.getByLabel('Phone').focus()
      await expect(dob).toHaveValue('14 Mar 1979')
      // "F" in Sex picks Female, as in a native list.
      await page.getByRole('textbox', { name: 'Sex' }).or(page.getByRole('combobox', { name: 'Sex' })).first().focus()
      await page.keyboard.press('f')
      await expect(page.getByRole('textbox', { name: 'Sex' }).or(page.getByRole('combobox', { name: 'Sex' })).first()).toHaveValue('Female')
      await page.getByRole('button', { name: 'Create patient' }).click()
      const heading = page.getByRole('heading', { level: 1, name: 'Jana Dvořáková' })
      await expect(heading).toBeFocused()
      await expect(page.locator('#app-announcer')).toHaveText('Jana Dvořáková added')
      await expect(page.getByText('born 14 Mar 1979')).toBeVisible()

      await page.goto(`${shell.url}#/patients/new`)
      await page.getByLabel('First name').fill('Jana')
      await page.getByLabel('Last name').fill('Dvorakova')
      await page.getByRole('textbox', { name: 'Date of birth' }).fill('1979-03-14')
      await page.getByRole('button', { name: 'Create patient' }).click()
      await expect(page.getByRole('form').getByRole('alert')).toContainText('A patient with this name and date of birth already exists')
      await page.getByRole('link', { name: 'Open the existing patient' }).click()
      // The form still holds what was typed: the leave guard asks first.
      await page.getByRole('button', { name: 'Leave without saving' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Jana Dvořáková' })).toBeVisible()
    })

    test('the visit form: one screen of two feet, dates in two formats, no truncated-only visit, no follow-up before baseline, focus after saving', async ({ page }) => {
      const { ids } = await clinic(page)
      const patientId = ids['Ó Briain']!
      await page.goto(`${shell.url}#/patients/${patientId}/measurements`)
      const form = page.getByRole('form', { name: 'Record visit' })
      await expect(form).toBeVisible()
      await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
      await screenshot(page, `visit-form-${size.name}`)
      expect(await seriousAxeViolations(page)).toEqual([])
      if (size.width === 1366) {
        // Both feet and the save button on one screen.
        const save = await form.getByRole('button', { name: 'Save visit' }).boundingBox()
        const top = await form.boundingBox()
        expect(save!.y + save!.height - top!.y).toBeLessThan(768)
      }

      const date = form.getByRole('textbox', { name: 'Visit date' })
      const left = form.getByRole('group', { name: 'Left foot' })
      // A truncated length alone is not a visit.
      await date.fill(dotted(dayFromToday(-20)))
      await left.getByLabel('Truncated foot length (mm)').fill('182')
      await left.getByLabel('Truncated foot length (mm)').press('Enter')
      await expect(form.getByText('Enter a foot length, an arch height or a pain score: a truncated foot length alone is not a visit')).toBeVisible()

      // The baseline, its date typed the clinic's way; focus returns to the fresh form's first field.
      await left.getByLabel('Foot length (mm)', { exact: true }).fill('250')
      await left.getByLabel(/^Arch height/).fill('60')
      await form.getByRole('button', { name: 'Save visit' }).click()
      await expect(page.locator('#app-announcer')).toHaveText(`Visit of ${shown(dayFromToday(-20))} saved`)
      await expect(page.locator('#visit-visitDate')).toBeFocused()
      await expect(page.getByRole('table', { name: 'Visits' })).toContainText(shown(dayFromToday(-20)))

      // A follow-up dated before that baseline, typed as ISO: refused next to the date.
      await date.fill(dayFromToday(-30))
      await form.getByRole('textbox', { name: 'Kind of visit' }).or(form.getByRole('combobox', { name: 'Kind of visit' })).first().click()
      await page.getByRole('option', { name: 'Follow-up', exact: true }).click()
      await left.getByLabel('Foot length (mm)', { exact: true }).fill('249')
      await left.getByLabel('Foot length (mm)', { exact: true }).press('Enter')
      await expect(form.getByText(`Follow-up cannot be dated before the baseline of ${shown(dayFromToday(-20))}`)).toBeVisible()

      // Ctrl+Enter saves from the notes, with a good date.
      await date.fill(dotted(dayFromToday(-5)))
      await form.getByLabel('Notes').fill('Second visit')
      await form.getByLabel('Notes').press('Control+Enter')
      await expect(page.locator('#app-announcer')).toHaveText(`Visit of ${shown(dayFromToday(-5))} saved`)

      // Shift+Tab back up the form: every focused field stays below the fixed header.
      await form.getByLabel('Notes').focus()
      for (let i = 0; i < 18; i++) {
        await page.keyboard.press('Shift+Tab')
        const box = await page.evaluate<{ top: number; bottom: number } | null>(
          '(() => { const r = document.activeElement && document.activeElement.getBoundingClientRect(); return r ? { top: r.top, bottom: r.bottom } : null })()',
        )
        if (box && box.bottom > 0) expect(box.top).toBeGreaterThanOrEqual(64)
      }
    })

    test('void a visit with a reason, hidden from the table, then restore it', async ({ page }) => {
      const { t, ids } = await clinic(page)
      const patientId = ids['van der Berg']!
      await call(page, 'visits.record', { patientId, therapistId: t, visitDate: dayFromToday(-40), kind: 'baseline', ...feet }, t)
      await call(page, 'visits.record', { patientId, therapistId: t, visitDate: dayFromToday(-10), kind: 'follow_up', ...feet }, t)
      await page.goto(`${shell.url}#/patients/${patientId}/measurements`)
      const table = page.getByRole('table', { name: 'Visits' })
      const when = shown(dayFromToday(-10))
      // At the narrow size the date and the actions stay in view beside each other.
      const voidButton = page.getByRole('button', { name: `Void visit of ${when}` })
      await voidButton.scrollIntoViewIfNeeded()
      await expect(voidButton).toBeInViewport()
      await expect(table.getByText(when)).toBeInViewport()
      await voidButton.click()
      const dialog = page.getByRole('dialog', { name: 'Void this visit' })
      await dialog.getByRole('button', { name: 'Void visit' }).click()
      await expect(dialog.getByText('Say why the visit is voided')).toBeVisible()
      await dialog.getByLabel('Reason for voiding').fill('Entered twice')
      await dialog.getByRole('button', { name: 'Void visit' }).click()
      await expect(dialog).toBeHidden()
      await expect(table).not.toContainText(when)
      await expect(page.locator('#app-announcer')).toHaveText(`Visit of ${when} voided; it can be restored under Voided visits`)
      await expect(page.getByRole('heading', { name: 'Voided visits' })).toBeVisible()
      await expect(page.getByText('Voided by Anna Nowak')).toContainText('Entered twice')
      expect(await seriousAxeViolations(page)).toEqual([])

      await page.getByRole('button', { name: `Restore visit of ${when}` }).click()
      await expect(table).toContainText(when)
      await expect(page.getByRole('heading', { name: 'Voided visits' })).toBeHidden()
    })

    test('after printing the handout or the progress report the focus is back on the button, and the page says it was downloaded', async ({ page }) => {
      const { t, ids } = await clinic(page)
      const patientId = ids["O'Neill"]!
      const short = (await call<{ id: number; slug: string | null }[]>(page, 'exercises.list', {}, t)).find((e) => e.slug === 'short-foot')!
      await call(page, 'programs.assign', { patientId, therapistId: t, startDate: dayFromToday(-40), items: [{ exerciseId: short.id }] }, t)
      await call(page, 'visits.record', { patientId, therapistId: t, visitDate: dayFromToday(-40), kind: 'baseline', ...feet }, t)
      await call(page, 'visits.record', { patientId, therapistId: t, visitDate: dayFromToday(-10), kind: 'follow_up', ...feet }, t)

      // Keyboard only: the button is reached and pressed with Enter; the PDF downloads.
      await page.goto(`${shell.url}#/patients/${patientId}/program`)
      const handoutButton = page.getByRole('button', { name: 'Print handout' })
      await handoutButton.focus()
      const handout = page.waitForEvent('download')
      await page.keyboard.press('Enter')
      expect((await handout).suggestedFilename()).toMatch(/– Handout –/)
      await expect(page.locator('#app-announcer')).toHaveText('Handout downloaded')
      await expect(handoutButton).toBeEnabled()
      await expect(handoutButton).toBeFocused()

      await page.goto(`${shell.url}#/patients/${patientId}`)
      const reportButton = page.getByRole('button', { name: 'Progress report', exact: true })
      await reportButton.focus()
      const report = page.waitForEvent('download')
      await page.keyboard.press('Enter')
      expect((await report).suggestedFilename()).toMatch(/– Progress report –/)
      await expect(page.locator('#app-announcer')).toHaveText('Progress report downloaded')
      await expect(reportButton).toBeEnabled()
      await expect(reportButton).toBeFocused()
      // The next Tab goes on from the button, not from the top of the page.
      await page.keyboard.press('Tab')
      await expect(page.getByRole('link', { name: 'Edit details' })).toBeFocused()
    })

    test('the program start date defaults to the baseline and refuses an impossible year next to the field', async ({ page }) => {
      const { t, ids } = await clinic(page)
      const patientId = ids['Nguyễn']!
      const baseline = dayFromToday(-3)
      await call(page, 'visits.record', { patientId, therapistId: t, visitDate: baseline, kind: 'baseline', ...feet }, t)
      await page.goto(`${shell.url}#/patients/${patientId}/program`)
      await page.getByRole('button', { name: /^Assign “/ }).click()
      const start = page.getByRole('textbox', { name: 'Start date' })
      await expect(start).toHaveValue(shown(baseline))
      await start.fill('60720-07-20')
      await page.getByRole('textbox', { name: 'Review date' }).focus()
      await expect(page.getByText('Year 60720 is not possible: type a date like 20 Jul 2026 or 2026-07-20')).toBeVisible()
      await start.fill(baseline)
      await page.getByRole('textbox', { name: 'Review date' }).focus()
      await expect(start).toHaveValue(shown(baseline))
    })
  })
}
