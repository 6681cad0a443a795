// Export and erase through the browser shell: the patient page's "Export record" downloads the whole
// record, and "Erase patient…" asks twice before the patient is gone. Both are the administrator's
// (the first user of a clinic), who is signed in at the page.
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import Database from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import { startShell, type RunningShell } from '../support/browser-shell'
import { callApi, workAs } from './support-api'

const SHOTS = resolve(__dirname, '../../test-results/screenshots')

const call = <T,>(page: Page, shell: RunningShell, method: string, input: unknown, actorId: number | null) => callApi<T>(page, shell.url, method, input, actorId)

let shell: RunningShell
test.beforeEach(async () => {
  shell = await startShell()
})
test.afterEach(async () => shell.stop())

test('exports the complete record and erases the patient after two confirmations', async ({ page }) => {
  await page.goto(shell.url)
  const therapist = await call<{ id: number }>(page, shell, 'users.create', { displayName: 'Anna Nowak', credentials: 'PT' }, null)
  const t = therapist.id
  const patient = await call<{ id: number }>(page, shell, 'patients.create', { firstName: 'Greta', lastName: 'Brannigan-Oyelaran', dateOfBirth: '1958-04-12' }, t)
  const exercises = await call<{ id: number }[]>(page, shell, 'exercises.list', {}, t)
  await call(page, shell, 'programs.assign', { patientId: patient.id, therapistId: t, startDate: '2025-01-06', items: [{ exerciseId: exercises[0]!.id, sets: 3, reps: 10 }] }, t)
  const visitIds: number[] = []
  for (const [visitDate, kind, archHeightMm] of [['2025-01-06', 'baseline', 20], ['2025-05-05', 'review', 23]] as const) {
    const r = await call<{ id: number }>(page, shell, 'visits.record', { patientId: patient.id, therapistId: t, visitDate, kind, left: { footLengthMm: 250, archHeightMm }, right: { footLengthMm: 251, archHeightMm } }, t)
    visitIds.push(r.id)
  }
  await call(page, shell, 'visits.correct', { visitId: visitIds[1], version: 1, therapistId: t, visitDate: '2025-05-05', kind: 'review', left: { footLengthMm: 250, archHeightMm: 24 }, right: { footLengthMm: 251, archHeightMm: 23 }, reason: 'Typed 23 for 24' }, t)

  await workAs(page, t)
  // The History tab: who changed what and when, with the old and new values.
  await page.goto(`${shell.url}#/patients/${patient.id}/history`)
  await expect(page.getByText('Anna Nowak corrected the four-month review visit of 5 May 2025.')).toBeVisible()
  await expect(page.getByText('Reason: Typed 23 for 24')).toBeVisible()
  await expect(page.getByRole('table', { name: 'What changed' }).getByRole('row', { name: /Left arch height.*23\.0 mm → 24\.0 mm/ })).toBeVisible()
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, 'privacy-history.png'), fullPage: true })
  const historyAxe = await new AxeBuilder({ page }).include('[aria-label="Change history"]').analyze()
  expect(historyAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

  // The record's export and erase live on the patient's edit page.
  await page.goto(`${shell.url}#/patients/${patient.id}/edit`)
  await expect(page.getByRole('button', { name: 'Export record' })).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export record' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(new RegExp(`^footcore-patient-${patient.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`))
  const record = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    patient: { lastName: string }
    visits: unknown[]
    programs: unknown[]
    audit: unknown[]
    documents: { fileName: string; base64: string }[]
  }
  expect(record.patient.lastName).toBe('Brannigan-Oyelaran')
  expect(record.visits).toHaveLength(2)
  expect(record.programs).toHaveLength(1)
  expect(record.audit.length).toBe(5)
  expect(record.documents.map((d) => d.fileName.includes('Handout') || d.fileName.includes('Progress report'))).toEqual([true, true])
  expect(Buffer.from(record.documents[0]!.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await expect(page.getByRole('status')).toContainText('2 PDF documents')

  await page.getByRole('button', { name: 'Erase patient…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Erase Greta Brannigan-Oyelaran?' })
  await expect(dialog).toContainText('cannot be undone')
  await expect(dialog).toContainText('Each is deleted once it is 35 days old, when Footcore next runs.')
  await page.screenshot({ path: join(SHOTS, 'privacy-erase-explain.png') })
  await dialog.getByRole('button', { name: 'Continue' }).click()
  const confirm = dialog.getByLabel("Type the patient's last name to confirm")
  const eraseButton = dialog.getByRole('button', { name: 'Erase patient' })
  await confirm.fill('brannigan-oyelaran')
  await expect(eraseButton).toBeDisabled()
  await confirm.fill('Brannigan-Oyelaran')
  await expect(eraseButton).toBeEnabled()
  await page.screenshot({ path: join(SHOTS, 'privacy-erase-confirm.png') })
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await eraseButton.click()
  await expect(dialog).toBeHidden()

  await expect(call(page, shell, 'patients.get', { id: patient.id }, t)).rejects.toThrow(/^patients\.get: not_found /)
  const trail = await call<{ action: string; before: unknown; after: unknown }[]>(page, shell, 'audit.forPatient', { patientId: patient.id }, t)
  expect(trail[0]).toMatchObject({ action: 'erase', before: null, after: null })
  expect(JSON.stringify(trail)).not.toContain('Brannigan')
})

test('when the wipe after a committed erase cannot finish, the page says the patient was erased and what is left, never "Nothing was changed"', async ({ page }) => {
  await page.goto(shell.url)
  const t = (await call<{ id: number }>(page, shell, 'users.create', { displayName: 'Anna Nowak' }, null)).id
  const patient = await call<{ id: number }>(page, shell, 'patients.create', { firstName: 'Greta', lastName: 'Brannigan-Oyelaran', dateOfBirth: '1958-04-12' }, t)
  await workAs(page, t)
  await page.goto(`${shell.url}#/patients/${patient.id}/edit`)
  await page.getByRole('button', { name: 'Erase patient…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Erase Greta Brannigan-Oyelaran?' })
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.getByLabel("Type the patient's last name to confirm").fill('Brannigan-Oyelaran')

  // Another program reads the clinic file and keeps its read transaction open.
  const reader = new Database(shell.dbFile, { readonly: true })
  reader.prepare('begin').run()
  reader.prepare('select count(*) from patients').get()
  try {
    await dialog.getByRole('button', { name: 'Erase patient' }).click()
    const warning = page.getByRole('alert').filter({ hasText: 'Patient erased, with a problem' })
    await expect(warning).toContainText('The patient was erased, but Footcore could not yet wipe their old values from the journal file', { timeout: 20_000 })
    await expect(page.getByText('Nothing was changed')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible()
  } finally {
    reader.prepare('rollback').run()
    reader.close()
  }
  await expect(call(page, shell, 'patients.get', { id: patient.id }, t)).rejects.toThrow(/^patients\.get: not_found /)
})
