// The clinic in Ukrainian: the screens a therapist uses in a day read in Ukrainian — the patient
// list, a new patient, a patient's overview, measurements and program, the due reviews, Settings
// (the administrator), the lock and the sign-in screens — each screenshotted (uk-*.png) and clean
// of serious axe violations. A dedicated walk over the same screens as the therapist's day; the
// texts asserted are the pages' and their components' (program, exercise library, settings), the
// built-in exercises' own texts included.
import { expect, test, type Page } from '@playwright/test'
import { callApi, E2E_PIN, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { chooseOption, dayFromToday, screenshot, seriousAxeViolations } from './support-ui'

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async ({ page }) => {
  await page.close()
  await shell.stop()
})

const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

/** The screen as a reader meets it: a screenshot for the record and no serious axe violation. */
async function check(page: Page, name: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
  expect(await seriousAxeViolations(page), name).toEqual([])
  await screenshot(page, `uk-${name}`)
}

test('a Ukrainian clinic: a therapist’s screens, Settings, the lock and sign-in in Ukrainian', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto(shell.url)
  await call(page, 'users.create', { displayName: 'Олена Коваленко' }, null)
  const settings = await call<Record<string, unknown>>(page, 'settings.get', {}, null)
  await call(page, 'settings.update', { ...settings, language: 'uk' }, null)
  const taras = await call<{ id: number; loginName: string }>(page, 'users.create', { displayName: 'Тарас Бойко', role: 'therapist' }, null)
  const t = taras.id

  // A patient in a program since 16 weeks: the review is due, with a baseline and a follow-up.
  const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Оксана', lastName: 'Мельник', dateOfBirth: '1979-03-14', complaints: ['plantar_heel_pain'] }, t)
  const exercise = (await call<{ id: number }[]>(page, 'exercises.list', {}, t))[0]!
  const start = dayFromToday(-110)
  await call(page, 'visits.record', { patientId: patient.id, therapistId: t, visitDate: start, kind: 'baseline', left: { footLengthMm: 250, archHeightMm: 60 }, right: { footLengthMm: 251, archHeightMm: 61 } }, t)
  await call(page, 'programs.assign', { patientId: patient.id, therapistId: t, name: 'Програма для м’язів стопи', startDate: start, reviewDate: dayFromToday(5), items: [{ exerciseId: exercise.id }] }, t)
  await call(page, 'visits.record', { patientId: patient.id, therapistId: t, visitDate: dayFromToday(-40), kind: 'follow_up', left: { footLengthMm: 249.5, archHeightMm: 62.5 }, right: { footLengthMm: 251, archHeightMm: 63 } }, t)

  // The therapist's list of patients.
  await workAs(page, t)
  await expect(page.getByRole('heading', { name: 'Пацієнти', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Огляди, що настали' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Заблокувати' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Дата народження' })).toBeVisible()
  await expect(page.getByText('1 пацієнт', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Мельник, Оксана' })).toBeVisible()
  await check(page, 'patients')

  // A new patient: the form in Ukrainian, then back to the list.
  await page.getByRole('link', { name: 'Новий пацієнт' }).click()
  await expect(page.getByRole('heading', { name: 'Новий пацієнт', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Прізвище')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Стать' })).toHaveValue('Не вказано')
  await expect(page.getByRole('checkbox', { name: 'Біль у п’ятці (підошовний)' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Створити пацієнта' })).toBeVisible()
  await check(page, 'new-patient')
  await page.getByRole('link', { name: 'Скасувати' }).click()
  await expect(page.getByRole('heading', { name: 'Пацієнти', level: 1 })).toBeVisible()

  // The patient's overview, measurements and program.
  await page.getByRole('link', { name: 'Мельник, Оксана' }).click()
  await expect(page.getByRole('heading', { name: 'Оксана Мельник', level: 1 })).toBeVisible()
  await expect(page.getByText(/^\d+ (рік|роки|років|року) · дата народження /)).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Вимірювання' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Наступний огляд' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Останні вимірювання' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Біль з часом (0–10)' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Біль з часом' }).getByRole('columnheader', { name: 'Дні з головним болем' })).toBeVisible()
  await check(page, 'patient-overview')

  await page.getByRole('tab', { name: 'Вимірювання' }).click()
  await expect(page.getByRole('heading', { name: 'Записати візит' })).toBeVisible()
  const visits = page.getByRole('table', { name: 'Візити' })
  await expect(visits.getByRole('columnheader', { name: 'Л ВС' })).toBeVisible()
  // Decimals the Ukrainian way, the unit as Ukrainian writes it.
  await expect(visits.getByText('62,5 мм', { exact: true })).toBeVisible()
  await expect(visits.getByText('+2,5 мм', { exact: true })).toBeVisible()
  await expect(visits.getByRole('button', { name: /^Виправити візит від / }).first()).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Висота склепіння з часом (мм)' })).toBeVisible()
  await check(page, 'patient-measurements')

  await page.getByRole('tab', { name: 'Програма' }).click()
  await expect(page.getByRole('button', { name: 'Змінити програму' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Завершити програму' })).toBeVisible()
  await expect(page.getByTestId('program-week')).toHaveText(/^Тиждень \d+ з \d+$/)
  // The built-in exercise by its Ukrainian name, with its Ukrainian stage.
  const items = page.getByRole('list', { name: 'Вправи цієї програми' })
  await expect(items).toContainText('Збирання рушника пальцями')
  await expect(items).toContainText('Сидячи, лише рушник')
  await expect(page.getByRole('heading', { name: 'Історія програм' })).toBeVisible()
  await expect(page.getByTestId('program-history-entry').getByText('Призначено', { exact: true })).toBeVisible()
  await check(page, 'patient-program')

  // The exercise library: the built-in exercises' own texts in Ukrainian.
  await page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Бібліотека вправ' }).click()
  const towel = page.getByRole('article', { name: 'Збирання рушника пальцями' })
  await expect(towel).toContainText('Зміцнює дрібні м’язи під стопою, які підтримують склепіння.')
  await expect(towel.getByText('Вбудована', { exact: true })).toBeVisible()
  await expect(towel.getByRole('heading', { name: 'Кроки' })).toBeVisible()
  await expect(towel.getByRole('heading', { name: 'Етапи' })).toBeVisible()
  await check(page, 'exercise-library')

  // The due reviews: the review in 5 days, in Ukrainian plural.
  await page.getByRole('link', { name: 'Огляди, що настали' }).click()
  await expect(page.getByRole('heading', { name: 'Огляди, що настали', level: 1 })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Мельник, Оксана' })
  await expect(row).toContainText('через 5 днів')
  await expect(row.getByRole('link', { name: 'Записати оглядовий візит' })).toBeVisible()
  await check(page, 'due-reviews')

  // Settings, as the administrator.
  await workAs(page, null)
  await page.goto(`${shell.url}#/settings`)
  await expect(page.getByRole('heading', { name: 'Налаштування', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Бібліотека вправ' })).toBeVisible()
  await expect(page.getByText('Адміністратор', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('group', { name: 'Вимірювання' })).toBeVisible()
  await expect(page.getByText('Найменша значуща зміна', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Користувачі' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Зберегти налаштування' })).toBeVisible()
  await check(page, 'settings')

  // The lock screen (Ctrl+Shift+L), then "Switch user" to the sign-in screen, still in Ukrainian.
  await page.keyboard.press('Control+Shift+L')
  await expect(page.getByRole('heading', { name: 'Заблоковано' })).toBeVisible()
  await expect(page.getByText('Увійшов(-ла) Олена Коваленко. Введіть свій PIN-код, щоб повернутися туди, де ви були.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Розблокувати' })).toBeVisible()
  await check(page, 'lock-screen')
  await page.getByRole('button', { name: 'Змінити користувача' }).click()
  const form = page.getByRole('form', { name: 'Вхід' })
  await expect(page.getByRole('heading', { name: 'Вхід до Footcore' })).toBeVisible()
  await expect(form.getByLabel('PIN-код або парольна фраза')).toHaveAccessibleDescription('Ви тут уперше? Введіть одноразовий код, який вам дали.')
  await check(page, 'sign-in')

  // Taras signs in through the Ukrainian screen and is back on the patient list.
  await form.getByLabel('Ім’я для входу').fill(taras.loginName)
  await form.getByLabel('PIN-код або парольна фраза').fill(E2E_PIN)
  await form.getByRole('button', { name: 'Увійти' }).click()
  await expect(page.getByRole('heading', { name: 'Пацієнти', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Вийти' })).toBeVisible()
})

test('the administrator switches the clinic to Ukrainian in Settings: the screens follow at once and after a reload', async ({ page }) => {
  await page.goto(shell.url)
  await call(page, 'users.create', { displayName: 'Олена Коваленко' }, null)
  await workAs(page, null)
  await page.goto(`${shell.url}#/settings`)
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await chooseOption(page, page, 'Clinic language', 'Українська')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('heading', { name: 'Налаштування', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Пацієнти' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Налаштування', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
})

// The other three languages: the same main screens, screenshotted (<code>-*.png) and axe-clean.
for (const [language, patients] of [
  ['pl', 'Pacjenci'],
  ['de', 'Patienten'],
  ['es', 'Pacientes'],
] as const) {
  test(`the clinic in ${language}: the patient list, a patient's measurements and program, and Settings`, async ({ page }) => {
    test.setTimeout(90_000)
    await page.goto(shell.url)
    const admin = await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)
    const settings = await call<Record<string, unknown>>(page, 'settings.get', {}, null)
    await call(page, 'settings.update', { ...settings, language }, null)
    const patient = await call<{ id: number }>(page, 'patients.create', { firstName: 'Zofia', lastName: 'Wiśniewska', dateOfBirth: '1979-03-14', complaints: ['plantar_heel_pain'] }, admin.id)
    const short = (await call<{ id: number; slug: string | null }[]>(page, 'exercises.list', {}, admin.id)).find((e) => e.slug === 'short-foot')!
    await call(page, 'visits.record', { patientId: patient.id, therapistId: admin.id, visitDate: dayFromToday(-14), kind: 'baseline', left: { footLengthMm: 250.5, archHeightMm: 60.5 }, right: { footLengthMm: 251, archHeightMm: 61 } }, admin.id)
    await call(page, 'programs.assign', { patientId: patient.id, therapistId: admin.id, startDate: dayFromToday(-14), items: [{ exerciseId: short.id }] }, admin.id)
    await workAs(page, admin.id)
    const shot = async (name: string) => {
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      expect(await seriousAxeViolations(page), name).toEqual([])
      await screenshot(page, `${language}-${name}`)
    }
    await page.goto(`${shell.url}#/patients`)
    await expect(page.getByRole('heading', { name: patients, level: 1 })).toBeVisible()
    await expect(page.getByRole('table').first()).toContainText('Wiśniewska')
    await shot('patients')
    await page.goto(`${shell.url}#/patients/${patient.id}/measurements`)
    // Decimals the language's way (all three write a decimal comma).
    await expect(page.locator('main')).toContainText('250,5')
    await shot('patient-measurements')
    await page.goto(`${shell.url}#/patients/${patient.id}/program`)
    await expect(page.locator('main').getByRole('heading', { level: 1 })).toHaveText('Zofia Wiśniewska')
    await shot('patient-program')
    await page.goto(`${shell.url}#/settings`)
    await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0)
    await shot('settings')
  })
}
