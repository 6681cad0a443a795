// Erasing a patient: confirmed by the last name, gone from every table and from the file's bytes,
// the audit trail keeping only that an erase happened.
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectApiError } from '../../support/db'
import { openPrivacyClinic, SECRET, type PrivacyClinic } from './fixtures'

let pc: PrivacyClinic
beforeEach(async () => {
  pc = await openPrivacyClinic()
})
afterEach(async () => pc.clinic.close())

const db = () => pc.clinic.database.db

async function counts() {
  const n = async (q: Promise<{ n: number | bigint | string }>) => Number((await q).n)
  const d = db()
  const visitIds = pc.visitIds
  return {
    patients: await n(d.selectFrom('patients').select((e) => e.fn.countAll<number>().as('n')).where('id', '=', pc.patientId).executeTakeFirstOrThrow()),
    visits: await n(d.selectFrom('visits').select((e) => e.fn.countAll<number>().as('n')).where('patient_id', '=', pc.patientId).executeTakeFirstOrThrow()),
    measurements: await n(d.selectFrom('measurements').select((e) => e.fn.countAll<number>().as('n')).where('visit_id', 'in', visitIds).executeTakeFirstOrThrow()),
    symptoms: await n(d.selectFrom('symptom_scores').select((e) => e.fn.countAll<number>().as('n')).where('visit_id', 'in', visitIds).executeTakeFirstOrThrow()),
    programs: await n(d.selectFrom('programs').select((e) => e.fn.countAll<number>().as('n')).where('patient_id', '=', pc.patientId).executeTakeFirstOrThrow()),
    items: await n(d.selectFrom('program_items').select((e) => e.fn.countAll<number>().as('n')).where('program_id', 'in', pc.programIds).executeTakeFirstOrThrow()),
  }
}

/**
 * What the database keeps of its rows: on SQLite every byte of the file and its WAL; on PostgreSQL
 * every live and dead row version of every table (pageinspect is not needed: a dead version is
 * still readable until VACUUM removes it, so count(*) from the table's pages after VACUUM says it).
 */
async function storedBytes(): Promise<string> {
  if (pc.clinic.dialect === 'sqlite') {
    const parts = [pc.clinic.file, `${pc.clinic.file}-wal`].map((f) => {
      try {
        return readFileSync(f).toString('latin1')
      } catch {
        return ''
      }
    })
    return parts.join('')
  }
  const tables = (await db().introspection.getTables()).map((t) => t.name)
  const texts = await Promise.all(tables.map(async (t) => JSON.stringify((await sql.raw(`select * from "${t}"`).execute(db())).rows)))
  return texts.join('\n')
}

/** After an erase: SQLite's settings are back and the file is sound; PostgreSQL vacuumed every touched table. */
async function expectCleanAfterErase(): Promise<void> {
  if (pc.clinic.dialect === 'sqlite') {
    const { rows } = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(db())
    expect(rows[0]!.secure_delete).toBe(0)
    expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db())).rows[0]!.integrity_check).toBe('ok')
    return
  }
  const { rows } = await sql<{ relname: string; dead: number; vacuumed: boolean }>`
    select relname, n_dead_tup as dead, last_vacuum is not null as vacuumed from pg_stat_user_tables
    where relname in ('patients', 'visits', 'measurements', 'symptom_scores', 'programs', 'program_items', 'audit_log') order by relname`.execute(db())
  expect(rows.map((r) => [r.relname, r.vacuumed])).toEqual(['audit_log', 'measurements', 'patients', 'program_items', 'programs', 'symptom_scores', 'visits'].map((t) => [t, true]))
}

describe('patients.erase', () => {
  it('refuses without the exact last name, and changes nothing', async () => {
    const before = await counts()
    for (const typed of ['', 'quackenbush-zyx', 'Quackenbush', 'Wilhelmina']) {
      const e = await expectApiError(pc.clinic.call('patients.erase', { id: pc.patientId, confirmLastName: typed }, pc.therapistId))
      expect(e.code, typed).toBe('invalid_input')
      expect(e.issues[0]!.path).toEqual(['confirmLastName'])
      expect(e.message).not.toContain(SECRET.lastName)
    }
    expect(await counts()).toEqual(before)
  })

  it('refuses when nobody is named as working, and for an unknown patient', async () => {
    expect((await expectApiError(pc.clinic.call('patients.erase', { id: pc.patientId, confirmLastName: SECRET.lastName }, null))).code).toBe('unauthorized')
    expect((await expectApiError(pc.clinic.call('patients.erase', { id: 999, confirmLastName: 'X' }, pc.therapistId))).code).toBe('not_found')
    expect((await counts()).patients).toBe(1)
  })

  it('deletes the patient, visits, measurements, symptoms, programs and items; other patients stay', async () => {
    const result = await pc.clinic.call('patients.erase', { id: pc.patientId, confirmLastName: ` ${SECRET.lastName} ` }, pc.therapistId)
    expect(result).toEqual({ erasedPatientId: pc.patientId, visitsErased: 3, programsErased: 2 })
    expect(await counts()).toEqual({ patients: 0, visits: 0, measurements: 0, symptoms: 0, programs: 0, items: 0 })
    expect((await pc.clinic.call('visits.list', { patientId: pc.otherPatientId })).length).toBe(1)
    expect((await pc.clinic.call('patients.get', { id: pc.otherPatientId })).lastName).toBe('Keepme')
    expect((await expectApiError(pc.clinic.call('patients.get', { id: pc.patientId }))).code).toBe('not_found')
  })

  it('scrubs the values from the audit trail and records the erase with only the id', async () => {
    await pc.clinic.call('patients.erase', { id: pc.patientId, confirmLastName: SECRET.lastName }, pc.therapistId)
    const entries = await pc.clinic.call('audit.forPatient', { patientId: pc.patientId })
    expect(entries[0]).toMatchObject({ action: 'erase', entity: 'patient', entityId: pc.patientId, therapistId: pc.therapistId, before: null, after: null, reason: null })
    expect(entries.length).toBe(11)
    for (const e of entries) expect([e.before, e.after, e.reason]).toEqual([null, null, null])
    const raw = await db().selectFrom('audit_log').selectAll().execute()
    expect(JSON.stringify(raw)).not.toMatch(/Quackenbush|Wilhelmina|1961-07-23|Reykjavik|900461/)
  })

  it('leaves no trace of the patient in the database (SQLite: file and WAL, secure_delete; PostgreSQL: tables vacuumed)', async () => {
    expect(await storedBytes()).toContain('Quackenbush')
    await pc.clinic.call('patients.erase', { id: pc.patientId, confirmLastName: SECRET.lastName }, pc.therapistId)
    const bytes = await storedBytes()
    for (const secret of ['Quackenbush', 'quackenbush', 'Wilhelmina', 'wilhelmina', '1961-07-23', 'Reykjavik', '900461', '900462']) {
      expect(bytes.includes(secret), secret).toBe(false)
    }
    expect(bytes).toContain('Keepme')
    await expectCleanAfterErase()
  })
})
