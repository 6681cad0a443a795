// The hot queries use their indexes: EXPLAIN QUERY PLAN of the SQL the services really run.
import { Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nameWordKeys } from '@shared/domain/names'
import { PatientSearchInput } from '@shared/domain/patient'
import { VisitRecordInput } from '@shared/domain/visit'
import type { DB } from '../../../src-main/core/db/schema'
import type { ServiceContext } from '../../../src-main/core/services/context'
import { getPatient, searchPatients } from '../../../src-main/core/services/patients'
import { currentProgram } from '../../../src-main/core/services/programs'
import { dueReviews } from '../../../src-main/core/services/reviews'
import { listVisits, recordVisit } from '../../../src-main/core/services/visits'
import { FIXED_NOW, openTestClinic, sqliteOf, type TestClinic } from '../../support/db'

interface Captured {
  sql: string
  params: readonly unknown[]
}

let clinic: TestClinic
let captured: Captured[] = []
let ctx: ServiceContext

/** Runs `fn` through a Kysely that records every compiled query, and returns those queries. */
async function queriesOf(fn: (c: ServiceContext) => Promise<unknown>): Promise<Captured[]> {
  captured = []
  await fn(ctx)
  return captured.filter((q) => /^\s*select/i.test(q.sql))
}

function plan(q: Captured): string[] {
  const sqlite = sqliteOf(clinic)
  return (sqlite.prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail)
}

/** Plan lines of every query; fails on a full table scan of a table that grows with the clinic. */
async function plans(fn: (c: ServiceContext) => Promise<unknown>): Promise<string[]> {
  const lines = (await queriesOf(fn)).flatMap(plan)
  // Aliases the services use for the big tables, and their plain names.
  const big = /^SCAN (p|v|rv|g|patients|visits|programs|measurements|symptom_scores|program_items|audit_log|a)$/
  expect(lines.filter((l) => big.test(l.trim()))).toEqual([])
  return lines
}

beforeAll(async () => {
  clinic = await openTestClinic()
  const sqlite = sqliteOf(clinic)
  // A small clinic written directly: the planner has no statistics (the app never runs ANALYZE),
  // so the plans here are the plans a clinic's file gets at any size.
  const at = FIXED_NOW.toISOString()
  sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Jakub Wróbel', 1, ?, ?)").run(at, at)
  const insertPatient = sqlite.prepare(
    "insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values (?, ?, ?, ?, ?, 'female', ?, ?)",
  )
  const insertNameWord = sqlite.prepare('insert into patient_name_words (word_key, patient_id) values (?, ?)')
  const insertProgram = sqlite.prepare(
    "insert into programs (patient_id, therapist_id, name, start_date, review_date, status, created_at, updated_at) values (?, 1, 'Foot core — 16 weeks', ?, ?, 'active', ?, ?)",
  )
  const insertVisit = sqlite.prepare(
    "insert into visits (patient_id, therapist_id, program_id, visit_date, kind, created_at, updated_at) values (?, 1, ?, ?, 'baseline', ?, ?)",
  )
  sqlite.transaction(() => {
    for (let i = 1; i <= 300; i++) {
      const last = ['Müller', 'Nowak', 'García', 'Łukasiewicz', 'Smith'][i % 5]!
      const key = last.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace('ł', 'l')
      insertPatient.run(`Anna${i}`, last, `anna${i}`, key, `19${50 + (i % 40)}-03-1${i % 10}`, at, at)
      for (const word of nameWordKeys(`Anna${i}`, last)) insertNameWord.run(word, i)
      const program = Number(insertProgram.run(i, '2026-03-01', '2026-06-21', at, at).lastInsertRowid)
      insertVisit.run(i, program, '2026-03-01', at, at)
    }
  })()
  const logging = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      captured.push({ sql: e.query.sql, params: e.query.parameters })
    },
  })
  ctx = { db: logging, actorId: 1, now: () => FIXED_NOW }
})

afterAll(async () => {
  await clinic.close()
})

describe('query plans of the hot paths', () => {
  it('search by a name prefix ranges over the covering index of name words and reads matching patients by id', async () => {
    const lines = await plans((c) => searchPatients(c, PatientSearchInput.parse({ query: 'nowa' })))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH w0 USING COVERING INDEX sqlite_autoindex_patient_name_words_1 \(word_key>\? AND word_key<\?\)/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/))
    // Last visit and next review come from indexes, per patient of the page only.
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH v USING COVERING INDEX visits_patient_date/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH g USING COVERING INDEX programs_patient_review \(patient_id=\? AND status=\?\)/))
  })

  it('search by first and last name together ranges over the name words once per word', async () => {
    const lines = await plans((c) => searchPatients(c, PatientSearchInput.parse({ query: 'anna1 nowak' })))
    expect(lines.filter((l) => /SEARCH w0 USING COVERING INDEX sqlite_autoindex_patient_name_words_1/.test(l)).length).toBeGreaterThanOrEqual(1)
    expect(lines.filter((l) => /SEARCH w1 USING COVERING INDEX sqlite_autoindex_patient_name_words_1/.test(l)).length).toBeGreaterThanOrEqual(1)
  })

  it('finds a patient by an inner word of the name and without the apostrophe', async () => {
    expect((await searchPatients(ctx, PatientSearchInput.parse({ query: 'kasiewicz' }))).total).toBe(0)
    expect((await searchPatients(ctx, PatientSearchInput.parse({ query: 'lukasiew anna12' }))).total).toBeGreaterThan(0)
  })

  it('search by date of birth uses the date-of-birth index', async () => {
    const lines = await plans((c) => searchPatients(c, PatientSearchInput.parse({ dateOfBirth: '1955-03-15' })))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH p USING INDEX patients_date_of_birth \(date_of_birth=\?\)/))
  })

  it('the unfiltered list walks the name index in order instead of sorting every patient', async () => {
    const queries = await queriesOf((c) => searchPatients(c, PatientSearchInput.parse({})))
    const page = queries.find((q) => /limit/i.test(q.sql))!
    const lines = plan(page)
    expect(lines).toContainEqual(expect.stringMatching(/SCAN p USING COVERING INDEX patients_last_name_search/))
    // The only sort left is of the one page of rows, in the outer query.
    expect(lines.filter((l) => /TEMP B-TREE/.test(l))).toHaveLength(1)
  })

  it('opening a patient reads visits, their feet and scores, and programs by patient', async () => {
    const lines = await plans(async (c) => {
      await getPatient(c, { id: 7 })
      await listVisits(c, { patientId: 7 })
      await currentProgram(c, { patientId: 7 })
    })
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH p|SEARCH patients USING INTEGER PRIMARY KEY/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH v USING INDEX visits_patient_date \(patient_id=\?\)/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH measurements USING INDEX sqlite_autoindex_measurements_1 \(visit_id=\?\)/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH symptom_scores USING INDEX sqlite_autoindex_symptom_scores_1 \(visit_id=\?\)/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH g USING INDEX programs_patient_review \(patient_id=\?\)/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH i USING INDEX program_items_program \(program_id=\?\)/))
  })

  it('recording a visit finds the patient and the program on the visit date by index', async () => {
    const lines = await plans((c) =>
      recordVisit(
        c,
        VisitRecordInput.parse({
          patientId: 8,
          therapistId: 1,
          visitDate: '2026-06-15',
          kind: 'follow_up',
          left: { footLengthMm: 251.4, archHeightMm: 64.1 },
          right: { footLengthMm: 252, archHeightMm: 63.5 },
          symptoms: { foot_heel: 3 },
        }),
      ),
    )
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH programs USING INDEX programs_patient_review \(patient_id=\?\)/))
  })

  it('due reviews range over active programs by review date', async () => {
    const lines = await plans((c) => dueReviews(c, { withinDays: 14 }))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH g USING INDEX programs_status_review \(status=\? AND review_date<\?\)/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH rv USING COVERING INDEX visits_program_kind/))
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH v USING COVERING INDEX visits_patient_date/))
  })

  it('keeps the answers right: first page sorted by name, total of every match', async () => {
    const page = await searchPatients(ctx, PatientSearchInput.parse({ query: 'mu', pageSize: 10 }))
    expect(page.total).toBe(60)
    expect(page.items).toHaveLength(10)
    expect(page.items.every((p) => p.lastName === 'Müller')).toBe(true)
    const firstNames = page.items.map((p) => p.firstName)
    expect(firstNames).toEqual([...firstNames].sort())
    const second = await searchPatients(ctx, PatientSearchInput.parse({ query: 'mu', pageSize: 10, page: 1 }))
    expect(second.items.map((p) => p.id).some((id) => page.items.some((q) => q.id === id))).toBe(false)
    expect(page.items[0]).toMatchObject({ lastVisitDate: '2026-03-01', nextReviewDate: '2026-06-21', reviewStatus: 'due' })
  })
})
