// Patients through the contract: create, correct, archive, find — on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'
import { seedPatient, seedTherapist, visitInput } from './fixtures'

let clinic: TestClinic
beforeEach(async () => {
  clinic = await openTestClinic()
  // Someone is always working when patients are entered; the first therapist added is chosen.
  await seedTherapist(clinic, 'Ewa Working')
})
afterEach(async () => clinic.close())

describe('patients.create', () => {
  it('stores a name with diacritics, apostrophe and hyphen unchanged', async () => {
    const p = await seedPatient(clinic)
    const back = await clinic.call('patients.get', { id: p.id })
    expect(`${back.firstName} ${back.lastName}`).toBe("Zoë Łukasiewicz-O'Brien")
    const rows = await clinic.query(`select first_name, last_name from patients where id = ${p.id}`)
    expect(rows[0]).toEqual({ first_name: 'Zoë', last_name: "Łukasiewicz-O'Brien" })
  })

  it('trims names and keeps contact details and complaints', async () => {
    const p = await seedPatient(clinic, {
      firstName: '  Дмитрий ',
      lastName: 'Шостакович',
      phone: '+48 600 100 200',
      email: 'dmitri@example.org',
      complaints: ['plantar_heel_pain', 'headaches'],
    })
    expect(p).toMatchObject({ firstName: 'Дмитрий', phone: '+48 600 100 200', email: 'dmitri@example.org', complaints: ['plantar_heel_pain', 'headaches'] })
  })

  it('names each bad field and writes nothing', async () => {
    const e = await expectApiError(clinic.call('patients.create', { firstName: ' ', lastName: 'Smith; DROP TABLE patients', dateOfBirth: '1980-13-01' }))
    expect(e.code).toBe('invalid_input')
    expect(e.issues).toEqual([
      { path: ['firstName'], message: 'First name is required' },
      { path: ['lastName'], message: 'Last name can contain only letters, spaces, apostrophes, hyphens and dots' },
      { path: ['dateOfBirth'], message: 'Enter a real date as YYYY-MM-DD' },
    ])
    expect(await clinic.count('patients')).toBe(0)
  })

  it('refuses a date of birth in the future', async () => {
    const e = await expectApiError(seedPatient(clinic, { dateOfBirth: '2027-01-01' }))
    expect(e.issues).toEqual([{ path: ['dateOfBirth'], message: 'Date of birth cannot be in the future' }])
  })

  it('refuses a second patient with the same name and date of birth, even typed without accents', async () => {
    await seedPatient(clinic)
    const e = await expectApiError(seedPatient(clinic, { firstName: 'Zoe', lastName: "Lukasiewicz-O'Brien" }))
    expect(e.code).toBe('conflict')
  })

  it('records who created the patient in the audit trail', async () => {
    const t = await seedTherapist(clinic)
    const p = await seedPatient(clinic, {}, t.id)
    const trail = await clinic.call('audit.forPatient', { patientId: p.id })
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({ action: 'create', entity: 'patient', therapistName: 'Anna Nowak' })
  })
})

describe('patients.update and archive', () => {
  it('keeps the old values in the audit trail', async () => {
    const t = await seedTherapist(clinic)
    const p = await seedPatient(clinic, {}, t.id)
    await clinic.call('patients.update', { version: await clinic.versionOf('patients', p.id), id: p.id, firstName: 'Zoe', lastName: p.lastName, dateOfBirth: p.dateOfBirth }, t.id)
    const [update] = await clinic.call('audit.forPatient', { patientId: p.id })
    expect(update).toMatchObject({ action: 'update', before: { firstName: 'Zoë' }, after: { firstName: 'Zoe' } })
  })

  it('answers not_found for an unknown patient', async () => {
    const e = await expectApiError(clinic.call('patients.update', { version: await clinic.versionOf('patients', 999), id: 999, firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' }))
    expect(e.code).toBe('not_found')
    expect(e.issues[0]!.path).toEqual(['id'])
  })

  it('hides archived patients from search unless asked, and refuses new visits for them', async () => {
    const t = await seedTherapist(clinic)
    const p = await seedPatient(clinic)
    await clinic.call('patients.archive', { version: await clinic.versionOf('patients', p.id), id: p.id })
    expect((await clinic.call('patients.search', {})).total).toBe(0)
    expect((await clinic.call('patients.search', { includeArchived: true })).items[0]).toMatchObject({ id: p.id, archived: true })
    const e = await expectApiError(clinic.call('visits.record', visitInput(p.id, t.id)))
    expect(e.code).toBe('conflict')
    await clinic.call('patients.archive', { version: await clinic.versionOf('patients', p.id), id: p.id, archived: false })
    expect((await clinic.call('patients.search', {})).total).toBe(1)
  })
})

describe('patients.search', () => {
  beforeEach(async () => {
    await seedPatient(clinic)
    await seedPatient(clinic, { firstName: 'Łukasz', lastName: 'Nowak', dateOfBirth: '1975-05-05' })
    await seedPatient(clinic, { firstName: 'Anna', lastName: 'Nowakowska', dateOfBirth: '1990-10-10' })
    await seedPatient(clinic, { firstName: 'Дмитрий', lastName: 'Шостакович', dateOfBirth: '1975-05-05' })
  })

  it('finds by last-name prefix without accents, sorted by name', async () => {
    const page = await clinic.call('patients.search', { query: 'nowak' })
    expect(page.items.map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Łukasz Nowak', 'Anna Nowakowska'])
    expect((await clinic.call('patients.search', { query: 'LUKAS' })).items.map((p) => p.lastName)).toEqual(["Łukasiewicz-O'Brien", 'Nowak'])
  })

  it('finds by first and last name in either order, and by Cyrillic prefix', async () => {
    expect((await clinic.call('patients.search', { query: 'anna now' })).items.map((p) => p.lastName)).toEqual(['Nowakowska'])
    expect((await clinic.call('patients.search', { query: 'nowak anna' })).items.map((p) => p.lastName)).toEqual(['Nowakowska'])
    expect((await clinic.call('patients.search', { query: 'шост' })).items.map((p) => p.firstName)).toEqual(['Дмитрий'])
  })

  it('finds by any word of a name, without apostrophes, hyphens, spaces or accents', async () => {
    await seedPatient(clinic, { firstName: 'Siobhán', lastName: 'Ó Briain', dateOfBirth: '1981-01-01' })
    await seedPatient(clinic, { firstName: 'Pieter', lastName: 'van der Berg', dateOfBirth: '1982-02-02' })
    await seedPatient(clinic, { firstName: 'Thị Minh Khai', lastName: 'Nguyễn', dateOfBirth: '1983-03-03' })
    await seedPatient(clinic, { firstName: 'Seán', lastName: "O'Neill", dateOfBirth: '1984-04-04' })
    const lastNames = async (query: string) => (await clinic.call('patients.search', { query })).items.map((p) => p.lastName)
    expect(await lastNames('Briain')).toEqual(['Ó Briain'])
    expect(await lastNames('Ó Briain')).toEqual(['Ó Briain'])
    expect(await lastNames('obriain')).toEqual(['Ó Briain'])
    expect(await lastNames('Berg')).toEqual(['van der Berg'])
    expect(await lastNames('vanderberg')).toEqual(['van der Berg'])
    expect(await lastNames('der berg pieter')).toEqual(['van der Berg'])
    expect(await lastNames('Minh')).toEqual(['Nguyễn'])
    expect(await lastNames('khai nguyen')).toEqual(['Nguyễn'])
    expect(await lastNames('oneill')).toEqual(["O'Neill"])
    expect(await lastNames("o'neill sean")).toEqual(["O'Neill"])
    expect(await lastNames('neill')).toEqual(["O'Neill"])
    // Inner words of a hyphenated name, and the whole name typed without its hyphen and apostrophe.
    expect(await lastNames('obrien')).toEqual(["Łukasiewicz-O'Brien"])
    expect(await lastNames('lukasiewiczobrien')).toEqual(["Łukasiewicz-O'Brien"])
    // Words match from their start, not anywhere inside.
    expect(await lastNames('riain')).toEqual([])
  })

  it('keeps the words in step when a name changes and when a patient is erased', async () => {
    const p = await seedPatient(clinic, { firstName: 'Pieter', lastName: 'van der Berg', dateOfBirth: '1982-02-02' })
    await clinic.call('patients.update', { id: p.id, version: p.version, firstName: 'Pieter', lastName: 'de Vries', dateOfBirth: '1982-02-02', sex: 'male' })
    expect((await clinic.call('patients.search', { query: 'berg' })).total).toBe(0)
    expect((await clinic.call('patients.search', { query: 'vries' })).items.map((x) => x.id)).toEqual([p.id])
    await clinic.call('patients.erase', { id: p.id, confirmLastName: 'de Vries' })
    expect(await clinic.query(`select * from patient_name_words where patient_id = ${p.id}`)).toEqual([])
  })

  it('filters by date of birth and pages', async () => {
    const born = await clinic.call('patients.search', { dateOfBirth: '1975-05-05' })
    expect(born.total).toBe(2)
    const page1 = await clinic.call('patients.search', { pageSize: 3, page: 1 })
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 3 })
    expect(page1.items.map((p) => p.lastName)).toEqual(['Шостакович'])
  })

  it('shows last visit and next review with its status', async () => {
    const t = await seedTherapist(clinic)
    const [p] = (await clinic.call('patients.search', { query: 'nowakowska' })).items
    await clinic.call('visits.record', visitInput(p!.id, t.id, { visitDate: '2026-03-01' }))
    const [ex] = await clinic.call('exercises.list', {})
    await clinic.call('programs.assign', { patientId: p!.id, therapistId: t.id, startDate: '2026-03-01', items: [{ exerciseId: ex!.id }] })
    const [found] = (await clinic.call('patients.search', { query: 'nowakowska' })).items
    // 2026-03-01 + 16 weeks = 2026-06-21; today is 2026-06-15 → due within 14 days
    expect(found).toMatchObject({ lastVisitDate: '2026-03-01', nextReviewDate: '2026-06-21', reviewStatus: 'due' })
  })
})
