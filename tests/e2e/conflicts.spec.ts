// Two workstations on one PostgreSQL server edit the same patient: reception fixes the phone while
// the therapist writes notes. The second save shows both versions side by side; confirmed, the
// database holds both changes and the history shows both people.
import { expect, test, type Page } from '@playwright/test'
import { callApi, workAs } from './support-api'
import { startShell, type RunningShell } from '../support/browser-shell'
import { startPostgresServer, type PostgresServer } from '../support/postgres-server'
import { screenshot, seriousAxeViolations } from './support-ui'

let server: PostgresServer
let receptionShell: RunningShell
let roomShell: RunningShell
test.beforeAll(async () => {
  server = await startPostgresServer()
  const url = await server.createDatabase('clinic')
  receptionShell = await startShell({ databaseUrl: url })
  roomShell = await startShell({ databaseUrl: url })
})
test.afterAll(async () => {
  await receptionShell?.stop()
  await roomShell?.stop()
  server?.stop()
})

const call = <T,>(page: Page, shell: RunningShell, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

/** Opens `path` on `shell` working as `therapistId`. */
async function openAs(page: Page, shell: RunningShell, therapistId: number, path: string): Promise<void> {
  await page.goto(`${shell.url}#${path}`)
  await workAs(page, therapistId)
}

test('reception’s phone and the therapist’s notes, saved on the same patient at once, both stay', async ({ browser }) => {
  // Two computers: two browser contexts (their own storage, as two workstations have).
  const reception = await (await browser.newContext()).newPage()
  const room = await (await browser.newContext()).newPage()
  await reception.goto(receptionShell.url)
  const ola = (await call<{ id: number }>(reception, receptionShell, 'users.create', { displayName: 'Ola Recepcja' }, null)).id
  const anna = (await call<{ id: number }>(reception, receptionShell, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  const patient = await call<{ id: number }>(reception, receptionShell, 'patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09', phone: '+380 44 000 0000' }, ola)

  // Both open the patient's details.
  await openAs(reception, receptionShell, ola, `/patients/${patient.id}/edit`)
  await openAs(room, roomShell, anna, `/patients/${patient.id}/edit`)
  await expect(reception.getByLabel('Phone', { exact: true })).toHaveValue('+380 44 000 0000')
  await expect(room.getByLabel('Phone', { exact: true })).toHaveValue('+380 44 000 0000')

  await room.getByLabel('Notes', { exact: true }).fill('Heel pain in the morning, worse after running.')
  await reception.getByLabel('Phone', { exact: true }).fill('+380 44 111 2233')
  await reception.getByRole('button', { name: 'Save changes' }).click()
  await expect(reception.getByText('Patient details saved').first()).toBeVisible()

  // The room saves second: refused, with who and when, and both versions side by side.
  await room.getByRole('button', { name: 'Save changes' }).click()
  const review = room.getByRole('alert', { name: 'Someone else changed this record' })
  await expect(review).toContainText(/Ola Recepcja changed this patient at \d\d:\d\d while you were editing\. Your changes are still in the form; review theirs and save again\./)
  const rows = review.getByRole('table', { name: 'Their values and yours' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Phone' })).toContainText('+380 44 111 2233')
  await expect(rows.filter({ hasText: 'Phone' })).toContainText('+380 44 000 0000')
  await expect(rows.filter({ hasText: 'Notes' })).toContainText('Heel pain in the morning')
  // What was typed is still in the form.
  await expect(room.getByLabel('Notes', { exact: true })).toHaveValue('Heel pain in the morning, worse after running.')
  expect(await seriousAxeViolations(room)).toEqual([])
  await screenshot(room, 'conflict-review-patient')

  // Their phone (she did not touch it) and her notes (only she changed them) are the defaults.
  await review.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(room.getByText('Patient details saved').first()).toBeVisible()
  const saved = await call<{ phone: string; notes: string }>(room, roomShell, 'patients.get', { id: patient.id }, anna)
  expect([saved.phone, saved.notes]).toEqual(['+380 44 111 2233', 'Heel pain in the morning, worse after running.'])
  const trail = await call<{ action: string; therapistName: string }[]>(room, roomShell, 'audit.forPatient', { patientId: patient.id }, anna)
  expect(trail.filter((a) => a.action === 'update').map((a) => a.therapistName)).toEqual(['Anna Nowak', 'Ola Recepcja'])
})

test('two settings changes at once: a quiet notice while typing, then both versions side by side, and both kept', async ({ browser }) => {
  const reception = await (await browser.newContext()).newPage()
  const room = await (await browser.newContext()).newPage()
  await reception.goto(receptionShell.url)
  const list = await call<{ id: number; displayName: string }[]>(reception, receptionShell, 'therapists.list', {}, null)
  const ola = list.find((t) => t.displayName === 'Ola Recepcja')!.id
  const anna = list.find((t) => t.displayName === 'Anna Nowak')!.id
  await openAs(reception, receptionShell, ola, '/settings')
  await openAs(room, roomShell, anna, '/settings')
  const roomForm = room.getByRole('form', { name: 'Clinic settings' })
  await roomForm.getByLabel('Default review interval (weeks)').fill('12')

  const receptionForm = reception.getByRole('form', { name: 'Clinic settings' })
  await receptionForm.getByLabel('Clinic name').fill('Fizjo Kyiv')
  await receptionForm.getByRole('button', { name: 'Save settings' }).click()
  await expect(receptionForm.getByText('Settings saved.')).toBeVisible()

  // The room is typing: its form is not replaced, a quiet notice says what happened.
  await expect(roomForm.getByRole('status').filter({ hasText: 'changed on another workstation while you were editing' })).toBeVisible()
  await expect(roomForm.getByLabel('Default review interval (weeks)')).toHaveValue('12')
  await roomForm.getByRole('button', { name: 'Save settings' }).click()
  const review = roomForm.getByRole('alert', { name: 'Someone else changed this record' })
  await expect(review).toContainText(/Ola Recepcja changed the clinic settings at \d\d:\d\d while you were editing/)
  const rows = review.getByRole('table', { name: 'Their values and yours' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Clinic name' })).toContainText('Fizjo Kyiv')
  await expect(rows.filter({ hasText: 'Review interval' })).toContainText('12')
  // This computer's row names who works here (the list is asked again once the session knows).
  await expect(room.getByRole('table', { name: 'Workstations connected now' }).getByRole('row', { name: /This computer/ })).toContainText('Anna Nowak')
  await screenshot(room, 'conflict-review-settings')
  await review.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(roomForm.getByText('Settings saved.')).toBeVisible()
  const saved = await call<{ clinicName: string; reviewIntervalWeeks: number }>(room, roomShell, 'settings.get', {}, anna)
  expect([saved.clinicName, saved.reviewIntervalWeeks]).toEqual(['Fizjo Kyiv', 12])
})
