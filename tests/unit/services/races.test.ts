// Two workstations at the same moment, 200 rounds of each race in parallel: the rules hold because
// the database enforces them (unique and partial indexes, serializable transactions, foreign keys),
// every loser is told `conflict` in a plain sentence, and nothing answers `internal`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodName } from '../../../src-shared/api'
import type { ApiResult } from '../../../src-shared/domain/errors'
import { openTestClinic, type TestClinic, type Workstation } from '../../support/db'

const ROUNDS = 200

let clinic: TestClinic
let a: Workstation
let b: Workstation
let therapist: number
beforeEach(async () => {
  clinic = await openTestClinic()
  a = await clinic.workstation()
  b = await clinic.workstation()
  therapist = (await clinic.call('users.create', { displayName: 'Anna Nowak' })).id
})
afterEach(async () => {
  await a.close()
  await b.close()
  await clinic.close()
})

/** Both workstations send their call at once; answers in the order a, b. */
const both = (method: MethodName, inputA: unknown, inputB: unknown, actor: number | null = therapist) =>
  Promise.all([a.dispatch(method, inputA, actor), b.dispatch(method, inputB, actor)])

function tally(answers: ApiResult<unknown>[]) {
  const codes: Record<string, number> = {}
  const messages = new Set<string>()
  for (const r of answers) {
    const code = r.ok ? 'ok' : r.error.code
    codes[code] = (codes[code] ?? 0) + 1
    if (!r.ok) messages.add(r.error.message)
  }
  return { codes, messages: [...messages] }
}

/** Runs `round` ROUNDS times, `parallel` rounds at a time (each round a race of its own). */
async function rounds<T>(round: (i: number) => Promise<T[]>, parallel = 8): Promise<T[]> {
  const all: T[] = []
  for (let start = 0; start < ROUNDS; start += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, ROUNDS - start) }, (_, k) => round(start + k)))
    for (const answers of batch) all.push(...answers)
  }
  return all
}

/** 0 → "Raceaa", 1 → "Raceab": names hold letters only. */
const surname = (i: number) => `Race${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`
const patient = (i: number) => ({ firstName: 'Jan', lastName: surname(i), dateOfBirth: '1980-01-01' })

describe(`races between two workstations (${ROUNDS} rounds each)`, () => {
  it('creates the same patient once: the other is told it already exists', async () => {
    const answers = await rounds(async (i) => both('patients.create', patient(i), patient(i)))
    const { codes, messages } = tally(answers)
    expect(codes).toEqual({ ok: ROUNDS, conflict: ROUNDS })
    expect(messages).toEqual(['A patient with this name and date of birth already exists'])
    expect(await clinic.count('patients')).toBe(ROUNDS)
  }, 120_000)

  it('assigns one active program per patient: the other is told to end it first', async () => {
    const exerciseId = (await clinic.call('exercises.list', {}))[0]!.id
    const program = (patientId: number) => ({ patientId, therapistId: therapist, startDate: '2026-06-01', items: [{ exerciseId, sets: 3, reps: 10 }] })
    const answers = await rounds(async (i) => {
      const p = await clinic.call('patients.create', patient(i))
      return both('programs.assign', program(p.id), program(p.id))
    })
    const { codes, messages } = tally(answers)
    expect(codes).toEqual({ ok: ROUNDS, conflict: ROUNDS })
    expect(messages).toEqual(['This patient already has an active program; end it before assigning a new one'])
    expect(await clinic.count('programs', "status = 'active'")).toBe(ROUNDS)
  }, 120_000)

  it('keeps one administrator active when two workstations deactivate the last two at once', async () => {
    // Whoever is still an administrator sets up the next round.
    let admin = (await clinic.call('users.create', { displayName: 'Clinic Administrator', role: 'administrator' })).id
    const activeAdmins = async () => (await clinic.call('users.list', {}, admin)).filter((u) => u.active && u.role === 'administrator')
    const answers = await rounds(async (i) => {
      // Each round: exactly two active administrators, both deactivated at once.
      const x = (await clinic.call('users.create', { displayName: `Round ${surname(i)} A`, role: 'administrator' }, admin)).id
      const y = (await clinic.call('users.create', { displayName: `Round ${surname(i)} B`, role: 'administrator' }, admin)).id
      for (const t of await activeAdmins()) {
        if (t.id !== x && t.id !== y) await clinic.call('users.deactivate', { version: t.version, id: t.id }, x)
      }
      const race = await Promise.all([a.dispatch('users.deactivate', { id: x, version: 1 }, x), b.dispatch('users.deactivate', { id: y, version: 1 }, y)])
      admin = x
      const left = await clinic.call('users.list', {}, x).catch(async () => clinic.call('users.list', {}, y))
      const stillAdmins = left.filter((u) => u.active && u.role === 'administrator')
      expect(stillAdmins.length, `round ${i}`).toBe(1)
      admin = stillAdmins[0]!.id
      return race
    }, 1)
    const { codes, messages } = tally(answers)
    expect(codes).toEqual({ ok: ROUNDS, conflict: ROUNDS })
    expect(messages.every((m) => m === 'At least one administrator must stay active: make someone else an administrator first' || m.startsWith('Another workstation changed the same records at the same moment'))).toBe(true)
  }, 300_000)

  it('records a visit while the patient is erased: either the visit or the erase wins, never half of each', async () => {
    const results = await rounds(async (i) => {
      const p = await clinic.call('patients.create', patient(i))
      const visit = { patientId: p.id, therapistId: therapist, visitDate: '2026-06-01', kind: 'baseline', left: { footLengthMm: 250 }, right: { footLengthMm: 251 } }
      const [v, e] = await Promise.all([a.dispatch('visits.record', visit, therapist), b.dispatch('patients.erase', { id: p.id, confirmLastName: surname(i) }, therapist)])
      const left = { patients: await clinic.count('patients', `id = ${p.id}`), visits: await clinic.count('visits', `patient_id = ${p.id}`) }
      // Erased: no patient and no visit. Not erased: the patient with the one visit.
      if (e.ok) expect(left, `round ${i}`).toEqual({ patients: 0, visits: 0 })
      else expect(left, `round ${i}`).toEqual({ patients: 1, visits: v.ok ? 1 : 0 })
      return [v, e]
    }, 4)
    const { codes, messages } = tally(results)
    expect(codes.internal ?? 0).toBe(0)
    expect((codes.ok ?? 0) + (codes.conflict ?? 0) + (codes.not_found ?? 0)).toBe(2 * ROUNDS)
    for (const m of messages) expect(m).toMatch(/^(Patient was not found|A record this change depends on was removed or changed on another workstation|Another workstation changed the same records)/)
  }, 300_000)
})
