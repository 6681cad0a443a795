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

/** Opens `path` on `shell` signed in as `userId`. */
async function openAs(page: Page, shell: RunningShell, userId: number, path: string): Promise<void> {
  await page.goto(`${shell.url}#${path}`)
  await workAs(page, userId)
}

/**
 * Ola (at the reception desk) and Anna (in the room), made once per server. Both are
 * administrators: the tests have both change the clinic settings and users, and both record and
 * correct clinical records (Ola is the clinic's first user, so its first administrator).
 */
let users: { ola: number; anna: number } | null = null
async function twoUsers(page: Page, shell: RunningShell): Promise<{ ola: number; anna: number }> {
  if (!users) {
    const ola = (await call<{ id: number }>(page, shell, 'users.create', { displayName: 'Ola Recepcja' }, null)).id
    const anna = (await call<{ id: number }>(page, shell, 'users.create', { displayName: 'Anna Nowak', role: 'administrator' }, null)).id
    users = { ola, anna }
  }
  return users
}

test('reception’s phone and the therapist’s notes, saved on the same patient at once, both stay', async ({ browser }) => {
  // Two computers: two browser contexts (their own storage, as two workstations have).
  const reception = await (await browser.newContext()).newPage()
  const room = await (await browser.newContext()).newPage()
  await reception.goto(receptionShell.url)
  const { ola, anna } = await twoUsers(reception, receptionShell)
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
  const { ola, anna } = await twoUsers(reception, receptionShell)
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

test('a program’s dosage edited in two rooms: both values side by side, both kept, both therapists in the history', async ({ browser }) => {
  const roomA = await (await browser.newContext()).newPage()
  const roomB = await (await browser.newContext()).newPage()
  await roomA.goto(receptionShell.url)
  const { ola, anna } = await twoUsers(roomA, receptionShell)
  const patient = await call<{ id: number }>(roomA, receptionShell, 'patients.create', { firstName: 'Mykola', lastName: 'Shevchenko', dateOfBirth: '1979-11-02' }, anna)
  const exercises = await call<{ id: number; slug: string | null; name: string }[]>(roomA, receptionShell, 'exercises.list', {}, anna)
  const shortFoot = exercises.find((e) => e.slug === 'short-foot')!
  const towel = exercises.find((e) => e.slug === 'towel-crumpling')!
  const program = await call<{ id: number }>(
    roomA,
    receptionShell,
    'programs.assign',
    {
      patientId: patient.id,
      therapistId: anna,
      startDate: '2026-01-05',
      reviewDate: '2026-05-04',
      items: [
        { exerciseId: towel.id, sets: 2, reps: 10 },
        { exerciseId: shortFoot.id, sets: 3, reps: 10, holdSeconds: 5 },
      ],
    },
    anna,
  )

  // Both rooms open the program editor.
  await openAs(roomA, receptionShell, anna, `/patients/${patient.id}/program`)
  await openAs(roomB, roomShell, ola, `/patients/${patient.id}/program`)
  const editorIn = async (page: Page) => {
    await page.getByRole('button', { name: 'Change program' }).click()
    return page.getByRole('form', { name: 'Change program' })
  }
  const editorA = await editorIn(roomA)
  const editorB = await editorIn(roomB)
  const shortFootIn = (page: Page, editor: ReturnType<Page['getByRole']>) => editor.getByRole('group').filter({ has: page.locator('legend', { hasText: shortFoot.name }) })

  // Room A: four sets; room B, a moment later: an eight-second hold.
  await shortFootIn(roomA, editorA).getByLabel('Sets').fill('4')
  await editorA.getByRole('button', { name: 'Save changes' }).click()
  await expect(roomA.getByRole('status')).toHaveText('Program changes saved.')
  await shortFootIn(roomB, editorB).getByLabel('Hold (seconds)').fill('8')
  await editorB.getByRole('button', { name: 'Save changes' }).click()

  const review = editorB.getByRole('alert', { name: 'Someone else changed this record' })
  await expect(review).toContainText(/Anna Nowak changed this program at \d\d:\d\d while you were editing\./)
  const rows = review.getByRole('table', { name: 'Their values and yours' }).getByRole('row')
  const sets = rows.filter({ hasText: `${shortFoot.name}: Sets` })
  const hold = rows.filter({ hasText: `${shortFoot.name}: Hold (seconds)` })
  await expect(sets.getByRole('cell')).toHaveText([`${shortFoot.name}: Sets`, '4', '3', /Theirs/])
  await expect(hold.getByRole('cell')).toHaveText([`${shortFoot.name}: Hold (seconds)`, '5 s', '8 s', /Yours/])
  // Only the two fields that differ are listed; what was typed is still in the form.
  await expect(rows).toHaveCount(3)
  await expect(shortFootIn(roomB, editorB).getByLabel('Hold (seconds)')).toHaveValue('8')
  // Their sets (only they changed them) and her hold (only she did) are the defaults.
  await expect(sets.getByRole('radio', { name: 'Theirs' })).toBeChecked()
  await expect(hold.getByRole('radio', { name: 'Yours' })).toBeChecked()
  expect(await seriousAxeViolations(roomB)).toEqual([])
  await screenshot(roomB, 'conflict-review-program')

  await review.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(roomB.getByRole('status')).toHaveText('Program changes saved.')
  const saved = await call<{ id: number; items: { exerciseId: number; sets: number | null; holdSeconds: number | null }[] }>(roomB, roomShell, 'programs.current', { patientId: patient.id }, ola)
  expect(saved.id).toBe(program.id)
  expect(saved.items.find((i) => i.exerciseId === shortFoot.id)).toMatchObject({ sets: 4, holdSeconds: 8 })
  const trail = await call<{ action: string; entity: string; therapistName: string }[]>(roomB, roomShell, 'audit.forPatient', { patientId: patient.id }, ola)
  expect(trail.filter((a) => a.entity === 'program' && a.action === 'update').map((a) => a.therapistName)).toEqual(['Ola Recepcja', 'Anna Nowak'])
})

test('a visit corrected in two rooms: their foot length next to your notes, both kept', async ({ browser }) => {
  const roomA = await (await browser.newContext()).newPage()
  const roomB = await (await browser.newContext()).newPage()
  await roomA.goto(receptionShell.url)
  const { ola, anna } = await twoUsers(roomA, receptionShell)
  const patient = await call<{ id: number }>(roomA, receptionShell, 'patients.create', { firstName: 'Iryna', lastName: 'Bondarenko', dateOfBirth: '1990-06-15' }, anna)
  const visit = await call<{ id: number }>(
    roomA,
    receptionShell,
    'visits.record',
    {
      patientId: patient.id,
      therapistId: anna,
      visitDate: '2026-02-02',
      kind: 'baseline',
      left: { footLengthMm: 252, truncatedFootLengthMm: 183, archHeightMm: 58 },
      right: { footLengthMm: 251, truncatedFootLengthMm: 182, archHeightMm: 59 },
      symptoms: { foot_heel: 6 },
      notes: '',
    },
    anna,
  )
  const correctIn = async (page: Page, shell: RunningShell, therapist: number) => {
    await openAs(page, shell, therapist, `/patients/${patient.id}/measurements`)
    await page.getByRole('button', { name: /^Correct visit of / }).click()
    return page.getByRole('dialog', { name: 'Correct this visit' })
  }
  const correctA = await correctIn(roomA, receptionShell, anna)
  const correctB = await correctIn(roomB, roomShell, ola)

  await correctA.getByRole('group', { name: 'Left foot' }).getByLabel('Foot length (mm)', { exact: true }).fill('250')
  await correctA.getByRole('textbox', { name: 'Reason for the correction' }).fill('Re-measured standing')
  await correctA.getByRole('button', { name: 'Save correction' }).click()
  await expect(correctA).toBeHidden()

  await correctB.getByRole('textbox', { name: 'Notes' }).fill('Heel pain worst on the first steps.')
  await correctB.getByRole('textbox', { name: 'Reason for the correction' }).fill('Notes were missing')
  await correctB.getByRole('button', { name: 'Save correction' }).click()
  const review = correctB.getByRole('alert', { name: 'Someone else changed this record' })
  await expect(review).toContainText(/Anna Nowak changed this visit at \d\d:\d\d while you were editing\./)
  const rows = review.getByRole('table', { name: 'Their values and yours' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Left foot: Foot length' }).getByRole('cell')).toHaveText(['Left foot: Foot length', '250 mm', '252 mm', /Theirs/])
  await expect(rows.filter({ hasText: 'Notes' }).getByRole('cell')).toHaveText(['Notes', '—', 'Heel pain worst on the first steps.', /Yours/])
  await expect(rows).toHaveCount(3)
  expect(await seriousAxeViolations(roomB)).toEqual([])

  await review.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(correctB).toBeHidden()
  const saved = (await call<{ id: number; notes: string; left: { footLengthMm: number } }[]>(roomB, roomShell, 'visits.list', { patientId: patient.id }, ola)).find((v) => v.id === visit.id)!
  expect([saved.left.footLengthMm, saved.notes]).toEqual([250, 'Heel pain worst on the first steps.'])
  const trail = await call<{ action: string; entity: string; therapistName: string }[]>(roomB, roomShell, 'audit.forPatient', { patientId: patient.id }, ola)
  expect(trail.filter((a) => a.entity === 'visit' && a.action !== 'create').map((a) => a.therapistName)).toEqual(['Ola Recepcja', 'Anna Nowak'])
})

test('a user edited on two workstations: their name next to your credentials, both kept', async ({ browser }) => {
  const reception = await (await browser.newContext()).newPage()
  const room = await (await browser.newContext()).newPage()
  await reception.goto(receptionShell.url)
  const { ola, anna } = await twoUsers(reception, receptionShell)
  const maria = await call<{ id: number }>(reception, receptionShell, 'users.create', { displayName: 'Maria Lysenko' }, null)
  await openAs(reception, receptionShell, ola, '/settings')
  await openAs(room, roomShell, anna, '/settings')
  await reception.getByRole('button', { name: 'Edit Maria Lysenko' }).click()
  await room.getByRole('button', { name: 'Edit Maria Lysenko' }).click()

  await reception.getByLabel('Name of Maria Lysenko', { exact: true }).fill('Maria Lysenko-Koval')
  await reception.getByRole('form', { name: 'Edit Maria Lysenko' }).getByRole('button', { name: 'Save' }).click()
  await expect(reception.getByRole('table', { name: 'Users' })).toContainText('Maria Lysenko-Koval')

  const roomForm = room.getByRole('form', { name: 'Edit Maria Lysenko' })
  await room.getByLabel('Credentials of Maria Lysenko').fill('PT, MSc')
  await roomForm.getByRole('button', { name: 'Save', exact: true }).click()
  const review = roomForm.getByRole('alert', { name: 'Someone else changed this record' })
  await expect(review).toContainText(/Ola Recepcja changed this therapist at \d\d:\d\d while you were editing\./)
  const rows = review.getByRole('table', { name: 'Their values and yours' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Name' }).getByRole('cell')).toHaveText(['Name', 'Maria Lysenko-Koval', 'Maria Lysenko', /Theirs/])
  await expect(rows.filter({ hasText: 'Credentials' }).getByRole('cell')).toHaveText(['Credentials', '—', 'PT, MSc', /Yours/])
  await review.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(room.getByRole('table', { name: 'Users' })).toContainText('PT, MSc')
  const saved = (await call<{ id: number; displayName: string; credentials: string }[]>(room, roomShell, 'users.list', {}, anna)).find((t) => t.id === maria.id)!
  expect([saved.displayName, saved.credentials]).toEqual(['Maria Lysenko-Koval', 'PT, MSc'])
})

test('a program ended while another room changed its dosage: their change shown next to the end, then ended', async ({ browser }) => {
  const reception = await (await browser.newContext()).newPage()
  const room = await (await browser.newContext()).newPage()
  await reception.goto(receptionShell.url)
  const { ola, anna } = await twoUsers(reception, receptionShell)
  const patient = await call<{ id: number }>(reception, receptionShell, 'patients.create', { firstName: 'Taras', lastName: 'Melnyk', dateOfBirth: '1968-04-21' }, anna)
  const exercises = await call<{ id: number; slug: string | null; name: string }[]>(reception, receptionShell, 'exercises.list', {}, anna)
  const shortFoot = exercises.find((e) => e.slug === 'short-foot')!
  const program = await call<{ id: number; version: number }>(
    reception,
    receptionShell,
    'programs.assign',
    { patientId: patient.id, therapistId: anna, startDate: '2026-01-05', items: [{ exerciseId: shortFoot.id, sets: 3, reps: 10 }] },
    anna,
  )
  await openAs(room, roomShell, ola, `/patients/${patient.id}/program`)
  await room.getByRole('button', { name: 'End program' }).click()
  const dialog = room.getByRole('dialog', { name: 'End program' })
  await dialog.getByLabel('End date').fill('2026-03-02')
  await dialog.getByLabel('Reason (optional)').fill('Moved abroad')

  // Meanwhile Anna changes the sets in her room.
  await call(reception, receptionShell, 'programs.update', { programId: program.id, version: program.version, items: [{ exerciseId: shortFoot.id, sets: 2, reps: 10 }] }, anna)
  await dialog.getByRole('button', { name: 'End program' }).click()
  const review = dialog.getByRole('alert', { name: 'Someone else changed this record' })
  await expect(review).toContainText(/Anna Nowak changed this program at \d\d:\d\d while you were editing\./)
  const rows = review.getByRole('table', { name: 'Their values and yours' }).getByRole('row')
  await expect(rows.filter({ hasText: 'End date' }).getByRole('cell')).toHaveText(['End date', 'Not ended', '2 Mar 2026', /Yours/])
  await expect(rows.filter({ hasText: `${shortFoot.name}: Sets` }).getByRole('cell')).toHaveText([`${shortFoot.name}: Sets`, '2', '3', /Theirs/])
  expect(await seriousAxeViolations(room)).toEqual([])
  await review.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(room.getByRole('status')).toHaveText('Program ended.')
  const history = await call<{ program: { id: number; endDate: string | null; endReason: string | null; items: { sets: number | null }[] } }[]>(room, roomShell, 'programs.history', { patientId: patient.id }, ola)
  const ended = history.find((h) => h.program.id === program.id)!.program
  expect([ended.endDate, ended.endReason, ended.items[0]!.sets]).toEqual(['2026-03-02', 'Moved abroad', 2])
})
