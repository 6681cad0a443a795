// A damaged database opens the recovery screen; restoring the last backup through the page brings back
// everything up to that backup.
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { ADMIN_LOGIN, callApi, signInOnPage, workAs } from './support-api'

let dir: string
let shell: RunningShell | null = null
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-recovery-e2e-'))
})
test.afterEach(async () => {
  await shell?.stop()
  shell = null
  rmSync(dir, { recursive: true, force: true })
})

/** The clinic's administrator (the first user) makes every change, through support-api. */
async function clinicWithAdministrator(page: Page, url: string): Promise<void> {
  await callApi(page, url, 'users.create', { displayName: 'Anna Nowak' }, null)
}
const call = <T,>(page: Page, method: string, input: unknown) => callApi<T>(page, shell!.url, method, input, null)

test('a damaged database shows the recovery screen and restores the last backup from the page', async ({ page }) => {
  const dbFile = join(dir, 'footcore.sqlite')
  shell = await startShell({ dbFile })
  await clinicWithAdministrator(page, shell.url)
  // Enough records that the middle of the file holds them.
  const notes = 'Plantar heel pain on the first steps in the morning. '.repeat(60)
  for (const lastName of ['Kowalska', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowska', 'Zielińska', 'Szymańska']) {
    await call(page, 'patients.create', { firstName: 'Zoë', lastName, dateOfBirth: '1980-02-29', notes })
  }
  await call(page, 'backups.create', {})
  await call(page, 'patients.create', { firstName: 'Adam', lastName: 'Afterthebackup', dateOfBirth: '1990-01-01' })
  await shell.stop()
  shell = null

  // Overwrite 16 KiB in the middle of the file.
  const size = statSync(dbFile).size
  const fd = openSync(dbFile, 'r+')
  writeSync(fd, Buffer.alloc(16384, 'DAMAGED!'), 0, 16384, Math.floor(size / 2 / 4096) * 4096)
  closeSync(fd)

  shell = await startShell({ dbFile })
  await page.goto(shell.url)
  await expect(page.getByRole('heading', { name: 'The clinic records are damaged' })).toBeVisible()
  await expect(page.getByText('Footcore has not changed the file')).toBeVisible()
  const backups = page.getByRole('table', { name: 'Backups' })
  await expect(backups.getByRole('row')).toHaveCount(2)
  await page.screenshot({ path: test.info().outputPath('recovery-screen.png'), fullPage: true })

  await backups.getByRole('button', { name: /Restore the backup from/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  await expect(dialog).toContainText('Anything entered after that is not in this backup')
  await dialog.getByRole('button', { name: 'Restore backup' }).click()

  // The page reloads into the app with the records as they were at the backup, once someone of
  // that backup signs in (the recovery screen itself needs nobody: the file would not open).
  await signInOnPage(page, ADMIN_LOGIN)
  await expect(page.getByRole('table', { name: 'Patients' })).toContainText('Kowalska')
  await expect(page.getByRole('table', { name: 'Patients' })).toContainText('Szymańska')
  await expect(page.getByText('Afterthebackup')).toHaveCount(0)
  const found = await call<{ total: number }>(page, 'patients.search', { includeArchived: true })
  expect(found.total).toBe(8)
  // The damaged file was kept aside, not deleted.
  expect(readdirSync(dir).some((n) => n.startsWith('footcore.sqlite.replaced-'))).toBe(true)
})

test('Settings: back up now, then restore that backup after a confirmation', async ({ page }) => {
  shell = await startShell({ dbFile: join(dir, 'footcore.sqlite') })
  await clinicWithAdministrator(page, shell.url)
  await call(page, 'patients.create', { firstName: 'Zoë', lastName: 'Beforebackup', dateOfBirth: '1980-02-29' })
  await page.goto(`${shell.url}#/settings`)
  // Backups and restores are the administrator's; a restore is recorded under who is signed in.
  await workAs(page, null)
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Backups' }).getByText('Backed up by hand')).toBeVisible()
  await page.getByRole('table', { name: 'Backups' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('settings-backups.png') })

  await call(page, 'patients.create', { firstName: 'Adam', lastName: 'Afterbackup', dateOfBirth: '1990-01-01' })
  const manual = page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'Backed up by hand' })
  await manual.getByRole('button', { name: /Restore the backup from/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  // Cancel first: nothing happens.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect((await call<{ total: number }>(page, 'patients.search', {})).total).toBe(2)

  await manual.getByRole('button', { name: /Restore the backup from/ }).click()
  await expect(dialog).toContainText('1 patient entered after this backup will be set aside.')
  await expect(dialog).toContainText('The records in use now are kept as footcore.sqlite.replaced-')
  await dialog.getByRole('button', { name: 'Restore backup' }).click()
  await expect
    .poll(async () => (await call<{ items: { lastName: string }[] }>(page, 'patients.search', {})).items.map((p) => p.lastName))
    .toEqual(['Beforebackup'])
  expect(readdirSync(dir).filter((n) => n.startsWith('footcore.sqlite.replaced-'))).toHaveLength(1)
})
