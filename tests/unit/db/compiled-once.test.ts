// Queries compiled once per shape and dialect answer for the values of each call, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compiledOnce } from '../../../src-main/core/db/compiled-once'
import { openTestClinic, type TestClinic } from '../../support/db'
import { seedPatient, seedTherapist, visitInput } from '../services/fixtures'

let clinic: TestClinic
let anna: number
let jan: number
beforeAll(async () => {
  clinic = await openTestClinic()
  const t = await seedTherapist(clinic)
  anna = (await seedPatient(clinic, { firstName: 'Anna', lastName: 'Müller', dateOfBirth: '1971-04-02' })).id
  jan = (await seedPatient(clinic, { firstName: 'Jan', lastName: 'Nowak', dateOfBirth: '1985-11-30' })).id
  await clinic.call('visits.record', visitInput(anna, t.id))
})
afterAll(async () => clinic.close())

describe('compiledOnce', () => {
  it('builds a shape once, then answers each call with its own values, in and out of transactions', async () => {
    let builds = 0
    const byId = compiledOnce((db, p: { id: number }) => {
      builds++
      return db.selectFrom('patients').select(['id', 'last_name']).where('id', '=', p.id)
    })
    const db = clinic.database.db
    expect(await byId.executeTakeFirst(db, { id: anna })).toEqual({ id: anna, last_name: 'Müller' })
    expect(await byId.executeTakeFirst(db, { id: jan })).toEqual({ id: jan, last_name: 'Nowak' })
    expect(await db.transaction().execute((trx) => byId.execute(trx, { id: anna }))).toEqual([{ id: anna, last_name: 'Müller' }])
    expect(await byId.executeTakeFirst(db, { id: 999_999 })).toBeUndefined()
    await expect(byId.executeTakeFirstOrThrow(db, { id: 999_999 })).rejects.toThrow()
    expect(builds).toBe(1)
  })

  it('keeps fixed values, repeats a value used twice, and builds each shape on its own', async () => {
    const born = compiledOnce(
      (db, p: { from: string; to: string }, shape: { withVisits: boolean }) => {
        let q = db.selectFrom('patients as p').select('p.last_name').where('p.date_of_birth', '>=', p.from).where('p.date_of_birth', '<=', p.to).where('p.sex', '=', 'female')
        if (shape.withVisits) q = q.where('p.id', 'in', db.selectFrom('visits').select('patient_id').where('visit_date', '>=', p.from))
        return q.orderBy('p.last_name')
      },
      (shape) => String(shape.withVisits),
    )
    const db = clinic.database.db
    expect(await born.execute(db, { from: '1970-01-01', to: '1990-01-01' }, { withVisits: false })).toEqual([{ last_name: 'Müller' }, { last_name: 'Nowak' }])
    expect(await born.execute(db, { from: '1980-01-01', to: '1990-01-01' }, { withVisits: false })).toEqual([{ last_name: 'Nowak' }])
    expect(await born.execute(db, { from: '1970-01-01', to: '1990-01-01' }, { withVisits: true })).toEqual([{ last_name: 'Müller' }])
  })

  it('refuses a call that leaves a value out rather than binding nothing', async () => {
    const byId = compiledOnce((db, p: { id: number }) => db.selectFrom('patients').select('id').where('id', '=', p.id))
    await expect(byId.execute(clinic.database.db, {} as { id: number })).rejects.toThrow(/no value for "id"/)
  })

  it('answers searches of every shape as before: name, two names, date of birth, archived, sorted', async () => {
    const search = (input: Record<string, unknown>) => clinic.call('patients.search', input).then((r) => r.items.map((i) => i.lastName))
    expect(await search({ query: 'mul' })).toEqual(['Müller'])
    expect(await search({ query: 'now' })).toEqual(['Nowak'])
    expect(await search({ query: 'jan nowak' })).toEqual(['Nowak'])
    expect(await search({ query: 'nowak jan' })).toEqual(['Nowak'])
    expect(await search({ dateOfBirth: '1971-04-02' })).toEqual(['Müller'])
    expect(await search({ sort: 'last_visit' })).toEqual(['Müller', 'Nowak'])
    await clinic.call('patients.archive', { version: await clinic.versionOf('patients', jan), id: jan, archived: true })
    expect(await search({})).toEqual(['Müller'])
    expect(await search({ includeArchived: true, pageSize: 1, page: 1 })).toEqual(['Nowak'])
    await clinic.call('patients.archive', { version: await clinic.versionOf('patients', jan), id: jan, archived: false })
  })
})
