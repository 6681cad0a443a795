// Bad input across the contract: each is refused naming its field and changes nothing in the database,
// through the router and through the browser shell's HTTP API (which also refuses strangers).
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { dispatch } from '../../../src-main/core/api/router'
import { AppState } from '../../../src-main/core/app-state'
import { startBrowserShell, type BrowserShell } from '../../../src-main/browser-shell/server'
import { newTestLocation, TEST_DIALECT } from '../../support/db'
import { firstAdministrator } from '../../support/sessions'

process.env.FOOTCORE_LOG = 'silent'
const NOW = new Date('2026-06-15T10:00:00Z')
const LONG = 'a'.repeat(10_000)
const TOKEN = 'test-token-0123456789abcdef'

let dir: string
let state: AppState
let shell: BrowserShell
/** Ids of the records the inputs point at. */
const ids = { therapist: 0, inactiveTherapist: 0, patient: 0, deletedPatient: 0, visit: 0, exercise: 0, program: 0 }

/** The clinic's administrator's session (created first, as the first start does). */
let session = ''

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(state, method, input, session)
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-bad-input-'))
  state = await AppState.open(await newTestLocation(dir), {}, () => NOW)
  const admin = await firstAdministrator(state)
  session = admin.token
  ids.therapist = admin.id
  ids.inactiveTherapist = (await ok<{ id: number }>('users.create', { displayName: 'Piotr Zieliński' })).id
  await ok('users.deactivate', { id: ids.inactiveTherapist, version: 1 })
  ids.patient = (await ok<{ id: number }>('patients.create', { firstName: 'Zoë', lastName: 'Kowalska', dateOfBirth: '1980-02-29' })).id
  ids.visit = (await ok<{ id: number }>('visits.record', visit({}))).id
  ids.exercise = (await ok<{ id: number }[]>('exercises.list', {}))[0]!.id
  ids.program = (await ok<{ id: number }>('programs.assign', program({}))).id
  // A patient removed from the file, as an erase does: its id must answer "not found".
  ids.deletedPatient = (await ok<{ id: number }>('patients.create', { firstName: 'Gone', lastName: 'Away', dateOfBirth: '1970-01-01' })).id
  await state.db.deleteFrom('audit_log').where('patient_id', '=', ids.deletedPatient).execute()
  await state.db.deleteFrom('patients').where('id', '=', ids.deletedPatient).execute()

  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  shell = await startBrowserShell({ core: state, rendererDir: dir, port: 0, token: TOKEN })
})
afterAll(async () => {
  await shell?.close()
  await state?.close()
  rmSync(dir, { recursive: true, force: true })
})

function visit(over: Record<string, unknown>, foot: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId: ids.patient,
    therapistId: ids.therapist,
    visitDate: '2026-06-01',
    kind: 'follow_up',
    left: { footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 60, ...foot },
    symptoms: { foot_heel: 4 },
    ...over,
  }
}
const correction = (over: Record<string, unknown>) => {
  const { patientId: _p, ...v } = visit({})
  return { ...v, visitId: ids.visit, version: 1, reason: 'Typo in foot length', ...over }
}
function program(over: Record<string, unknown>): Record<string, unknown> {
  return { patientId: ids.patient, therapistId: ids.therapist, startDate: '2026-06-01', items: [{ exerciseId: ids.exercise, sets: 3 }], ...over }
}
const patient = (over: Record<string, unknown>) => ({ firstName: 'Anna', lastName: 'Nowak', dateOfBirth: '1985-05-05', ...over })
const settings = (over: Record<string, unknown>) => ({
  clinicName: 'Foot Clinic',
  pageSize: 'A4',
  archHeightMethod: 'dorsal_50',
  smcArchHeightMm: 2,
  smcFootLengthMm: 2,
  smcNavicularDropMm: 2,
  smcArchHeightIndex: 0.025,
  reviewIntervalWeeks: 16,
  ...over,
})
const exercise = (over: Record<string, unknown>) => ({ name: 'Toe yoga', steps: ['Lift the big toe'], stages: ['Sitting'], dosage: {}, ...over })

interface Case {
  what: string
  method: string
  input: () => unknown
  code: 'invalid_input' | 'not_found' | 'conflict'
  /** The field the answer names (absent where the refusal is not about one field). */
  path?: (string | number)[]
  /** Holds a value JSON cannot carry (NaN, Infinity): tested through dispatch only. */
  notJson?: boolean
}

const CASES: Case[] = [
  // Names
  { what: 'empty first name', method: 'patients.create', input: () => patient({ firstName: '' }), code: 'invalid_input', path: ['firstName'] },
  { what: 'whitespace last name', method: 'patients.create', input: () => patient({ lastName: '   \u00a0 ' }), code: 'invalid_input', path: ['lastName'] },
  { what: '10,000-character first name', method: 'patients.create', input: () => patient({ firstName: LONG }), code: 'invalid_input', path: ['firstName'] },
  { what: 'SQL in a last name', method: 'patients.create', input: () => patient({ lastName: "Nowak'); DROP TABLE patients;--" }), code: 'invalid_input', path: ['lastName'] },
  { what: 'control character in a name', method: 'patients.create', input: () => patient({ firstName: 'An\u0000na' }), code: 'invalid_input', path: ['firstName'] },
  { what: 'emoji in a name', method: 'patients.create', input: () => patient({ firstName: 'Anna 🦶' }), code: 'invalid_input', path: ['firstName'] },
  { what: 'number as a name', method: 'patients.create', input: () => patient({ lastName: 42 }), code: 'invalid_input', path: ['lastName'] },
  { what: 'empty therapist name', method: 'users.create', input: () => ({ displayName: ' ' }), code: 'invalid_input', path: ['displayName'] },
  { what: 'emoji in a therapist name', method: 'users.create', input: () => ({ displayName: '😀' }), code: 'invalid_input', path: ['displayName'] },
  { what: 'newline in a clinic name', method: 'settings.update', input: () => settings({ clinicName: 'Foot\nClinic' }), code: 'invalid_input', path: ['clinicName'] },
  { what: '10,000-character clinic name', method: 'settings.update', input: () => settings({ clinicName: LONG }), code: 'invalid_input', path: ['clinicName'] },
  { what: 'empty exercise name', method: 'exercises.create', input: () => exercise({ name: '' }), code: 'invalid_input', path: ['name'] },
  // Other text
  { what: '10,000-character search', method: 'patients.search', input: () => ({ query: LONG }), code: 'invalid_input', path: ['query'] },
  { what: 'SQL in a phone number', method: 'patients.create', input: () => patient({ phone: "1'; DELETE FROM patients;--" }), code: 'invalid_input', path: ['phone'] },
  { what: 'not an email', method: 'patients.create', input: () => patient({ email: 'anna at example' }), code: 'invalid_input', path: ['email'] },
  { what: 'control character in visit notes', method: 'visits.record', input: () => visit({ notes: 'Bell \u0007 here' }), code: 'invalid_input', path: ['notes'] },
  { what: '10,000-character program name', method: 'programs.assign', input: () => program({ name: LONG }), code: 'invalid_input', path: ['name'] },
  { what: 'script as a logo', method: 'settings.update', input: () => settings({ logoDataUrl: 'javascript:alert(1)' }), code: 'invalid_input', path: ['logoDataUrl'] },
  { what: 'not an email for the clinic', method: 'settings.update', input: () => settings({ email: 'front desk at clinic' }), code: 'invalid_input', path: ['email'] },
  { what: 'letters as the clinic phone', method: 'settings.update', input: () => settings({ phone: 'call us maybe' }), code: 'invalid_input', path: ['phone'] },
  { what: '10,000-character credentials', method: 'users.create', input: () => ({ displayName: 'Ewa Nowak', credentials: LONG }), code: 'invalid_input', path: ['credentials'] },
  { what: 'right-to-left override in a name', method: 'patients.create', input: () => patient({ lastName: 'Nowak\u202Eevil' }), code: 'invalid_input', path: ['lastName'] },
  { what: 'zero-width space as a name', method: 'users.create', input: () => ({ displayName: '\u200B' }), code: 'invalid_input', path: ['displayName'] },
  { what: 'unknown arch height method', method: 'visits.record', input: () => visit({ archHeightMethod: 'tape' }), code: 'invalid_input', path: ['archHeightMethod'] },
  // Dates
  { what: 'date of birth in the future', method: 'patients.create', input: () => patient({ dateOfBirth: '2026-06-16' }), code: 'invalid_input', path: ['dateOfBirth'] },
  { what: 'impossible date of birth', method: 'patients.create', input: () => patient({ dateOfBirth: '1985-02-30' }), code: 'invalid_input', path: ['dateOfBirth'] },
  { what: 'date of birth as a number', method: 'patients.create', input: () => patient({ dateOfBirth: 19850505 }), code: 'invalid_input', path: ['dateOfBirth'] },
  { what: 'visit before the date of birth', method: 'visits.record', input: () => visit({ visitDate: '1980-02-28' }), code: 'invalid_input', path: ['visitDate'] },
  { what: 'visit in the future', method: 'visits.record', input: () => visit({ visitDate: '2026-06-16' }), code: 'invalid_input', path: ['visitDate'] },
  { what: 'correction moving a visit into the future', method: 'visits.correct', input: () => correction({ visitDate: '2027-01-01' }), code: 'invalid_input', path: ['visitDate'] },
  { what: 'review date before the start', method: 'programs.assign', input: () => program({ reviewDate: '2026-05-01' }), code: 'invalid_input', path: ['reviewDate'] },
  { what: 'program end before its start', method: 'programs.end', input: () => ({ programId: ids.program, version: 1, endDate: '2026-05-01' }), code: 'invalid_input', path: ['endDate'] },
  { what: 'date of birth before 1900', method: 'patients.create', input: () => patient({ dateOfBirth: '1899-12-31' }), code: 'invalid_input', path: ['dateOfBirth'] },
  { what: 'program starting before the date of birth', method: 'programs.assign', input: () => program({ startDate: '1979-01-01' }), code: 'invalid_input', path: ['startDate'] },
  { what: 'review moved before the program start', method: 'programs.update', input: () => ({ programId: ids.program, version: 1, reviewDate: '2026-05-01', items: [{ exerciseId: ids.exercise }] }), code: 'invalid_input', path: ['reviewDate'] },
  // Measurements (CLINICAL.md valid input ranges)
  { what: 'foot length below 100 mm', method: 'visits.record', input: () => visit({}, { footLengthMm: 99.9 }), code: 'invalid_input', path: ['left', 'footLengthMm'] },
  { what: 'foot length above 380 mm', method: 'visits.record', input: () => visit({}, { footLengthMm: 380.1 }), code: 'invalid_input', path: ['left', 'footLengthMm'] },
  { what: 'truncated foot length below 70 mm', method: 'visits.record', input: () => visit({}, { truncatedFootLengthMm: 69 }), code: 'invalid_input', path: ['left', 'truncatedFootLengthMm'] },
  { what: 'arch height below 20 mm', method: 'visits.record', input: () => visit({}, { archHeightMm: 19.9 }), code: 'invalid_input', path: ['left', 'archHeightMm'] },
  { what: 'arch height above 120 mm', method: 'visits.record', input: () => visit({ right: { archHeightMm: 121 } }), code: 'invalid_input', path: ['right', 'archHeightMm'] },
  { what: 'navicular height sitting above 90 mm', method: 'visits.record', input: () => visit({}, { navicularSittingMm: 90.5 }), code: 'invalid_input', path: ['left', 'navicularSittingMm'] },
  { what: 'navicular height standing below 5 mm', method: 'visits.record', input: () => visit({}, { navicularStandingMm: 4 }), code: 'invalid_input', path: ['left', 'navicularStandingMm'] },
  { what: 'truncated foot length equal to foot length', method: 'visits.record', input: () => visit({}, { footLengthMm: 250, truncatedFootLengthMm: 250 }), code: 'invalid_input', path: ['left', 'truncatedFootLengthMm'] },
  { what: 'truncated foot length longer than foot length', method: 'visits.record', input: () => visit({ right: { footLengthMm: 200, truncatedFootLengthMm: 210 } }), code: 'invalid_input', path: ['right', 'truncatedFootLengthMm'] },
  { what: 'negative foot length', method: 'visits.record', input: () => visit({}, { footLengthMm: -250 }), code: 'invalid_input', path: ['left', 'footLengthMm'] },
  { what: 'zero arch height', method: 'visits.record', input: () => visit({}, { archHeightMm: 0 }), code: 'invalid_input', path: ['left', 'archHeightMm'] },
  { what: 'NaN foot length', method: 'visits.record', input: () => visit({}, { footLengthMm: NaN }), code: 'invalid_input', path: ['left', 'footLengthMm'], notJson: true },
  { what: 'Infinity arch height', method: 'visits.record', input: () => visit({}, { archHeightMm: Infinity }), code: 'invalid_input', path: ['left', 'archHeightMm'], notJson: true },
  { what: 'measurement as a string', method: 'visits.record', input: () => visit({}, { footLengthMm: '250' }), code: 'invalid_input', path: ['left', 'footLengthMm'] },
  { what: 'two decimals', method: 'visits.record', input: () => visit({}, { archHeightMm: 60.25 }), code: 'invalid_input', path: ['left', 'archHeightMm'] },
  { what: 'a foot that is not an object', method: 'visits.record', input: () => visit({ left: 'big' }), code: 'invalid_input', path: ['left'] },
  { what: 'unknown measurement on a foot', method: 'visits.record', input: () => visit({}, { toeLengthMm: 50 }), code: 'invalid_input', path: ['left', 'toeLengthMm'] },
  { what: 'a visit with nothing measured', method: 'visits.record', input: () => visit({ left: null, symptoms: {} }), code: 'invalid_input', path: ['left'] },
  // Pain and counts
  { what: 'pain 11', method: 'visits.record', input: () => visit({ symptoms: { foot_heel: 11 } }), code: 'invalid_input', path: ['symptoms', 'foot_heel'] },
  { what: 'pain 2.5', method: 'visits.record', input: () => visit({ symptoms: { knee: 2.5 } }), code: 'invalid_input', path: ['symptoms', 'knee'] },
  { what: 'negative pain', method: 'visits.record', input: () => visit({ symptoms: { neck: -1 } }), code: 'invalid_input', path: ['symptoms', 'neck'] },
  { what: 'pain as a string', method: 'visits.record', input: () => visit({ symptoms: { headache: '5' } }), code: 'invalid_input', path: ['symptoms', 'headache'] },
  { what: 'NaN pain', method: 'visits.record', input: () => visit({ symptoms: { low_back: NaN } }), code: 'invalid_input', path: ['symptoms', 'low_back'], notJson: true },
  { what: 'unknown pain region', method: 'visits.record', input: () => visit({ symptoms: { elbow: 3 } }), code: 'invalid_input', path: ['symptoms', 'elbow'] },
  { what: '29 headache days in 4 weeks', method: 'visits.record', input: () => visit({ headacheDays: 29 }), code: 'invalid_input', path: ['headacheDays'] },
  { what: 'zero sets', method: 'programs.assign', input: () => program({ items: [{ exerciseId: ids.exercise, sets: 0 }] }), code: 'invalid_input', path: ['items', 0, 'sets'] },
  { what: 'no exercises in a program', method: 'programs.assign', input: () => program({ items: [] }), code: 'invalid_input', path: ['items'] },
  { what: 'zero smallest meaningful change', method: 'settings.update', input: () => settings({ smcArchHeightMm: 0 }), code: 'invalid_input', path: ['smcArchHeightMm'] },
  { what: 'Infinity smallest meaningful change', method: 'settings.update', input: () => settings({ smcFootLengthMm: Infinity }), code: 'invalid_input', path: ['smcFootLengthMm'], notJson: true },
  { what: 'review interval 2.5 weeks', method: 'settings.update', input: () => settings({ reviewIntervalWeeks: 2.5 }), code: 'invalid_input', path: ['reviewIntervalWeeks'] },
  { what: 'page size 0', method: 'patients.search', input: () => ({ pageSize: 0 }), code: 'invalid_input', path: ['pageSize'] },
  { what: 'days ahead 366', method: 'reviews.due', input: () => ({ withinDays: 366 }), code: 'invalid_input', path: ['withinDays'] },
  // Ids
  { what: 'unknown patient id', method: 'patients.get', input: () => ({ id: 424242 }), code: 'not_found', path: ['id'] },
  { what: 'deleted patient id', method: 'patients.update', input: () => ({ ...patient({}), id: ids.deletedPatient, version: 1 }), code: 'not_found', path: ['id'] },
  { what: 'visit for a deleted patient', method: 'visits.record', input: () => visit({ patientId: ids.deletedPatient }), code: 'not_found', path: ['patientId'] },
  { what: 'visit by an unknown therapist', method: 'visits.record', input: () => visit({ therapistId: 777 }), code: 'not_found', path: ['therapistId'] },
  { what: 'visit by a deactivated therapist', method: 'visits.record', input: () => visit({ therapistId: ids.inactiveTherapist }), code: 'not_found', path: ['therapistId'] },
  { what: 'unknown visit id', method: 'visits.correct', input: () => correction({ visitId: 999999 }), code: 'not_found', path: ['visitId'] },
  { what: 'unknown program id', method: 'programs.end', input: () => ({ programId: 31337, version: 1, endDate: '2026-06-10' }), code: 'not_found', path: ['programId'] },
  { what: 'unknown exercise in a program', method: 'programs.update', input: () => ({ programId: ids.program, version: 1, items: [{ exerciseId: 9999 }] }), code: 'invalid_input', path: ['items', 0, 'exerciseId'] },
  { what: 'unknown therapist id', method: 'users.update', input: () => ({ id: 555, version: 1, displayName: 'Ewa Nowak' }), code: 'not_found', path: ['id'] },
  { what: 'visits of an unknown patient', method: 'visits.list', input: () => ({ patientId: 8080 }), code: 'not_found', path: ['patientId'] },
  { what: 'id as a string', method: 'patients.get', input: () => ({ id: '1' }), code: 'invalid_input', path: ['id'] },
  { what: 'negative id', method: 'patients.archive', input: () => ({ id: -1 }), code: 'invalid_input', path: ['id'] },
  { what: 'zero id', method: 'patients.get', input: () => ({ id: 0 }), code: 'invalid_input', path: ['id'] },
  { what: 'fractional id', method: 'users.deactivate', input: () => ({ id: 1.5 }), code: 'invalid_input', path: ['id'] },
  { what: 'NaN id', method: 'patients.get', input: () => ({ id: NaN }), code: 'invalid_input', path: ['id'], notJson: true },
  { what: 'Infinity id', method: 'visits.list', input: () => ({ patientId: Infinity }), code: 'invalid_input', path: ['patientId'], notJson: true },
  // A clinic server is restored on the server (pg_restore): every restore there answers that.
  { what: 'unknown backup', method: 'backups.restore', input: () => ({ name: 'footcore-20260101T000000000Z-daily.sqlite' }), code: TEST_DIALECT === 'sqlite' ? 'not_found' : 'conflict', ...(TEST_DIALECT === 'sqlite' ? { path: ['name'] } : {}) },
  { what: 'a path as a backup name', method: 'backups.restore', input: () => ({ name: '../footcore.sqlite' }), code: 'invalid_input', path: ['name'] },
  // Shape
  { what: 'missing date of birth', method: 'patients.create', input: () => ({ firstName: 'Anna', lastName: 'Nowak' }), code: 'invalid_input', path: ['dateOfBirth'] },
  { what: 'missing visit kind', method: 'visits.record', input: () => visit({ kind: undefined }), code: 'invalid_input', path: ['kind'] },
  { what: 'missing correction reason', method: 'visits.correct', input: () => correction({ reason: '' }), code: 'invalid_input', path: ['reason'] },
  { what: 'extra field on a patient', method: 'patients.create', input: () => patient({ isAdmin: true }), code: 'invalid_input', path: ['isAdmin'] },
  { what: 'extra field on a visit', method: 'visits.record', input: () => visit({ id: 1 }), code: 'invalid_input', path: ['id'] },
  { what: 'unknown visit kind', method: 'visits.record', input: () => visit({ kind: 'emergency' }), code: 'invalid_input', path: ['kind'] },
  { what: 'unknown sex', method: 'patients.create', input: () => patient({ sex: 'robot' }), code: 'invalid_input', path: ['sex'] },
  { what: 'unknown complaint', method: 'patients.create', input: () => patient({ complaints: ['broken heart'] }), code: 'invalid_input', path: ['complaints', 0] },
  { what: 'boolean as text', method: 'patients.archive', input: () => ({ id: ids.patient, archived: 'yes' }), code: 'invalid_input', path: ['archived'] },
  { what: 'list where one value belongs', method: 'patients.search', input: () => ({ query: ['Anna'] }), code: 'invalid_input', path: ['query'] },
]

/** Row counts of every table and one hash over all their rows, in a stable order. */
async function snapshot(): Promise<{ counts: Record<string, number>; hash: string }> {
  const tables = (await state.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort()
  const hash = createHash('sha256')
  const counts: Record<string, number> = {}
  for (const t of tables) {
    // Every column in order: a stable row order on both dialects without relying on SQLite's rowid.
    const rows = (await sql.raw(`select * from "${t}" order by 1, 2`).execute(state.db)).rows
    counts[t] = rows.length
    hash.update(`${t}\n${JSON.stringify(rows)}\n`)
  }
  return { counts, hash: hash.digest('hex') }
}

function expectRefusal(c: Case, r: { ok: boolean; error?: { code: string; issues?: { path: (string | number)[] }[] } }) {
  expect(r.ok, `${c.what} was accepted`).toBe(false)
  expect(r.error?.code, c.what).toBe(c.code)
  if (c.path) {
    expect(
      r.error?.issues?.map((i) => i.path),
      c.what,
    ).toContainEqual(c.path)
  }
}

describe(`${CASES.length} bad inputs`, () => {
  it('has at least 40 cases across the contract', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
    console.log(`bad inputs: ${CASES.length} through dispatch, ${CASES.filter((c) => !c.notJson).length} over HTTP`)
  })

  it.each(CASES.map((c) => [c.what, c] as const))('dispatch refuses %s and changes nothing', async (_what, c) => {
    const before = await snapshot()
    const r = await dispatch(state, c.method, c.input(), session)
    expectRefusal(c, r)
    expect(await snapshot()).toEqual(before)
  })
})

interface HttpAnswer {
  status: number
  body: string
}

/** POSTs like the page does; a header given as null is left out. */
function post(path: string, body: string, headers: Record<string, string | null> = {}): Promise<HttpAnswer> {
  const url = new URL(shell.url)
  const all: Record<string, string | null> = { Host: `127.0.0.1:${url.port}`, 'Content-Type': 'application/json', 'X-Footcore-Token': TOKEN, 'X-Footcore-Session': session, ...headers }
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null))
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: 'POST',
        headers: sent,
      },
      (res) => {
        let data = ''
        res.on('data', (c: Buffer) => (data += c.toString()))
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: data }))
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}

describe('the same inputs over the browser shell HTTP API', () => {
  it.each(CASES.filter((c) => !c.notJson).map((c) => [c.what, c] as const))('HTTP refuses %s and changes nothing', async (_what, c) => {
    const before = await snapshot()
    const res = await post(`/api/${c.method}`, JSON.stringify({ input: c.input() }))
    expect(res.status).toBe(200)
    expectRefusal(c, JSON.parse(res.body) as Parameters<typeof expectRefusal>[1])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a body JSON cannot carry (NaN, Infinity) as invalid input', async () => {
    const before = await snapshot()
    for (const body of ['{"input":{"id":NaN}}', '{"input":{"id":Infinity}}', '{"input":', '']) {
      const res = await post('/api/patients.get', body)
      expect(res.status, body).toBe(400)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await snapshot()).toEqual(before)
  })

  const good = () => JSON.stringify({ input: patient({ lastName: 'Stranger' }) })

  it('refuses a call without a signed-in session, whatever actor the page names, and writes nothing', async () => {
    const before = await snapshot()
    for (const [header, body] of [
      [null, good()],
      ['', good()],
      ['not-a-session-token-at-all-0123456789', good()],
      [null, JSON.stringify({ input: patient({ lastName: 'Stranger' }), actorId: ids.therapist })],
    ] as const) {
      const res = await post('/api/patients.create', body, { 'X-Footcore-Session': header })
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Sign in to continue', issues: [{ path: ['session'], message: 'Sign in to continue' }] }, databaseId: expect.any(String) })
    }
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a call without the session token, or with a wrong one (401), and writes nothing', async () => {
    const before = await snapshot()
    for (const token of [null, '', 'wrong', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      const res = await post('/api/patients.create', good(), { 'X-Footcore-Token': token })
      expect(res.status, String(token)).toBe(401)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a request naming another host (403), as a DNS-rebinding page would send', async () => {
    const before = await snapshot()
    const port = new URL(shell.url).port
    for (const host of [`evil.example:${port}`, `192.168.1.20:${port}`, `0.0.0.0:${port}`, 'localhost', `127.0.0.1:${Number(port) + 1}`]) {
      const res = await post('/api/patients.create', good(), { Host: host })
      expect(res.status, host).toBe(403)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('still takes a good call with the token (the refusals above are not a broken server)', async () => {
    const res = await post('/api/patients.create', good())
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { lastName: 'Stranger' } })
  })
})
