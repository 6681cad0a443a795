// Settings → "Clinic database" in a real browser: a wrong password is said next to nothing but the
// form, the right one connects, and "Move this clinic's records to the server" moves them: after the
// reload the page reads the same patient from the PostgreSQL server.
import { expect, test, type Page } from '@playwright/test'
import { callApi, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { startPostgresServer, type PostgresServer } from '../support/postgres-server'
import { screenshot, seriousAxeViolations } from './support-ui'

let server: PostgresServer
let shell: RunningShell | null = null
test.beforeAll(async () => {
  server = await startPostgresServer()
})
test.afterAll(async () => {
  await shell?.stop()
  server?.stop()
})

const call = <T,>(page: Page, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell!.url, method, input, actorId)

test('moves the clinic from the file on this computer to a PostgreSQL server from Settings', async ({ page }) => {
  shell = await startShell({ fromUserData: true })
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  await call(page, 'patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09' }, t)
  await page.goto(`${shell.url}#/settings`)
  await workAs(page, t)

  const panel = page.getByRole('form', { name: 'Clinic database server' })
  await expect(page.getByText('This workstation keeps the clinic’s records in a file on this computer:')).toBeVisible()
  const url = new URL(await server.createDatabase('clinic'))
  const password = decodeURIComponent(url.password)
  url.password = ''
  await panel.getByLabel('Server address').fill(url.toString())
  await panel.getByRole('textbox', { name: 'Password' }).fill('not-the-password')
  await panel.getByRole('button', { name: 'Test connection' }).click()
  await expect(panel.getByRole('alert')).toContainText(`The clinic database server at 127.0.0.1:${server.port}/clinic refused the user name or password.`)

  await panel.getByRole('textbox', { name: 'Password' }).fill(password)
  await panel.getByRole('button', { name: 'Test connection' }).click()
  await expect(panel.getByRole('status')).toContainText(`at 127.0.0.1:${server.port}/clinic. The database is empty: this clinic’s records can be moved there.`)
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshot(page, 'settings-clinic-database')

  await panel.getByRole('button', { name: 'Move this clinic’s records to the server' }).click()
  const dialog = page.getByRole('dialog', { name: 'Move the records to the server?' })
  await expect(dialog).toContainText('The file on this computer stays as it is, untouched.')
  await dialog.getByRole('button', { name: 'Move the records' }).click()
  // The page reloads on the server.
  await expect(page.getByText(`This workstation works on the clinic database server 127.0.0.1:${server.port}/clinic`)).toBeVisible({ timeout: 30_000 })
  await page.goto(`${shell.url}#/patients`)
  await expect(page.getByText('Kovalenko').first()).toBeVisible()
})
