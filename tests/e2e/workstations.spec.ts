// Two workstations on one PostgreSQL server, two Chromium pages: a visit recorded at one appears on
// the other's open patient page without a click; the server stops and starts again while a visit is
// being saved: the banner comes and goes, and the second save stores the visit once.
import { expect, test, type Page } from '@playwright/test'
import { callApi, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { startPostgresServer, type PostgresServer } from '../support/postgres-server'
import { screenshot } from './support-ui'

let server: PostgresServer
let reception: RunningShell
let room: RunningShell
test.beforeAll(async () => {
  server = await startPostgresServer()
  const url = await server.createDatabase('clinic')
  reception = await startShell({ databaseUrl: url })
  room = await startShell({ databaseUrl: url })
})
test.afterAll(async () => {
  await reception?.stop()
  await room?.stop()
  server?.stop()
})

const call = <T,>(page: Page, shell: RunningShell, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

/** Opens `path` on `shell` working as `therapistId`. */
async function openAs(page: Page, shell: RunningShell, therapistId: number, path: string): Promise<void> {
  await page.goto(`${shell.url}#${path}`)
  await workAs(page, therapistId)
}

test('a visit recorded at reception shows on the room’s open patient page, and a server restart is survived', async ({ browser }) => {
  const receptionPage = await browser.newPage()
  const roomPage = await browser.newPage()
  await receptionPage.goto(reception.url)
  const t = (await call<{ id: number }>(receptionPage, reception, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  const patient = await call<{ id: number }>(receptionPage, reception, 'patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09' }, t)

  await openAs(roomPage, room, t, `/patients/${patient.id}/measurements`)
  const visits = roomPage.getByRole('table', { name: 'Visits' })
  await expect(roomPage.getByRole('form', { name: 'Record visit' })).toBeVisible()
  await expect(roomPage.getByText('Kovalenko').first()).toBeVisible()

  // Reception records the baseline; the room's page shows it within 2 s, without any click there.
  await call(receptionPage, reception, 'visits.record', { patientId: patient.id, therapistId: t, visitDate: '2026-05-04', kind: 'baseline', left: { footLengthMm: 250, archHeightMm: 62 }, right: { footLengthMm: 251, archHeightMm: 61 } }, t)
  const recordedAt = Date.now()
  await expect(visits).toContainText('4 May 2026', { timeout: 2000 })
  const seenAfterMs = Date.now() - recordedAt
  expect(seenAfterMs).toBeLessThan(2000)

  // Both workstations are listed in Settings.
  await openAs(receptionPage, reception, t, '/settings')
  await expect(receptionPage.getByRole('table', { name: 'Workstations connected now' }).getByRole('row')).toHaveCount(3)

  // The server stops while the room saves a follow-up: the page says so, and keeps what was typed.
  const form = roomPage.getByRole('form', { name: 'Record visit' })
  await form.getByLabel('Visit date').fill('2026-06-01')
  await form.getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true }).fill('249')
  server.halt('fast')
  await form.getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true }).press('Enter')
  await expect(roomPage.getByRole('alert').filter({ hasText: 'The clinic database cannot be reached' }).first()).toBeVisible({ timeout: 10_000 })
  await expect(form.getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true })).toHaveValue('249')
  await screenshot(roomPage, 'workstations-server-unreachable')

  // Back again: the banner goes by itself; Save again stores the visit once.
  server.resume()
  await expect(roomPage.getByRole('alert').filter({ hasText: 'The clinic database cannot be reached' })).toHaveCount(0, { timeout: 15_000 })
  await form.getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true }).press('Enter')
  await expect(roomPage.getByText(/^Visit of .* saved$/).first()).toBeVisible()
  await expect(visits).toContainText('1 Jun 2026')
  const stored = await call<{ visitDate: string }[]>(receptionPage, reception, 'visits.list', { patientId: patient.id }, t)
  expect(stored.map((v) => v.visitDate).sort()).toEqual(['2026-05-04', '2026-06-01'])
})
