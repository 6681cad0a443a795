// Builds the benchmark clinic: a seeded, realistic SQLite file made through the app's own openDatabase.
import Database from 'better-sqlite3'
import { nameSearchKey, nameWordKeys } from '@shared/domain/names'
import { openDatabase } from '../../src-main/core/db/connection'
import { FIRST_NAMES, LAST_NAMES } from './names'
import { seededRandom, type Random } from './rng'

export interface ClinicSize {
  patients: number
  visits: number
  programs: number
}

export const BASE_SIZE: ClinicSize = { patients: 20_000, visits: 200_000, programs: 40_000 }

export interface SeedOptions {
  scale: number
  seed: number
  /** Day the clinic's data ends (local YYYY-MM-DD); active programs have review dates around it. */
  today: string
  /** Share of patients whose latest program is still running. */
  activeShare?: number
}

export interface SeedSummary extends ClinicSize {
  measurements: number
  symptomScores: number
  programItems: number
  auditRows: number
  therapists: number
  activePrograms: number
  /** Patient with one program of exactly `reportVisits` visits, for the progress report. */
  reportPatientId: number
  reportProgramId: number
  reportVisits: number
  seedMs: number
  fileBytes: number
}

const DAY_MS = 86_400_000
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

interface PlannedVisit {
  patient: number
  program: number
  day: number
  kind: 'baseline' | 'follow_up' | 'review'
  /** 0 at baseline, rising to 1 at the review: how far the training effect has got. */
  progress: number
}

interface PlannedProgram {
  patient: number
  start: number
  review: number
  end: number | null
  visits: number
}

interface PatientPlan {
  firstName: string
  lastName: string
  dob: string
  sex: 'female' | 'male' | 'other' | 'unspecified'
  registered: number
  footLengthMm: number
  archHeightMm: number
  navicular: boolean
  pain: number[]
  programs: number[]
}

const THERAPISTS = ['Dr. Hélène Fournier', 'Jakub Wróbel', 'Siobhán Ní Bhriain', 'Mats Åkesson', 'Priya Raman', 'Lukas Brandtner', 'Ana Conceição', 'Tomás Ó Briain', 'Eszter Kovács', 'Sam Okafor', 'Yuki Tanabe', 'Grete Sønderby']
const REGIONS = ['foot_heel', 'knee', 'low_back', 'neck', 'headache'] as const
const PROGRAM_NAMES = ['Foot core — 16 weeks', 'Foot core — plantar heel pain', 'Foot core — runners', 'Foot core — knee and back', 'Foot core — gentle start']

/** Creates the schema through openDatabase, then fills it with plain prepared statements in big transactions. */
export async function seedClinic(file: string, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now()
  const database = await openDatabase(file)
  await database.close()

  const rnd = seededRandom(options.seed)
  const size: ClinicSize = {
    patients: Math.round(BASE_SIZE.patients * options.scale),
    visits: Math.round(BASE_SIZE.visits * options.scale),
    programs: Math.round(BASE_SIZE.programs * options.scale),
  }
  const today = dayOf(options.today)
  const plan = planClinic(rnd, size, today, options.activeShare ?? 0.1)

  const sqlite = new Database(file)
  // Seeding only: the file is switched back to WAL (the app's mode) before anyone measures it.
  sqlite.pragma('journal_mode = delete')
  sqlite.pragma('synchronous = off')
  sqlite.pragma('cache_size = -262144')
  const summary = write(sqlite, rnd, plan, options)
  sqlite.pragma('journal_mode = wal')
  sqlite.close()
  const { statSync } = await import('node:fs')
  return { ...summary, seedMs: performance.now() - started, fileBytes: statSync(file).size }
}

function planClinic(rnd: Random, size: ClinicSize, today: number, activeShare: number) {
  const patients: PatientPlan[] = []
  for (let i = 0; i < size.patients; i++) {
    const sex = rnd.chance(0.58) ? 'female' : rnd.chance(0.97) ? 'male' : rnd.chance(0.5) ? 'other' : 'unspecified'
    // Foot-pain patients skew to middle age: birth years 1935–2012, most 1950–1995.
    const birthYear = Math.max(1935, Math.min(2012, Math.round(rnd.around(1972, 30))))
    const dob = `${birthYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
    const earliest = Math.max(dayOf(dob) + 12 * 365, today - 10 * 365)
    patients.push({
      firstName: rnd.pick(FIRST_NAMES),
      lastName: rnd.chance(0.04) ? `${rnd.pickSkewed(LAST_NAMES)}-${rnd.pick(LAST_NAMES)}` : rnd.pickSkewed(LAST_NAMES),
      dob,
      sex,
      registered: earliest + Math.floor(rnd.next() * Math.max(1, today - 30 - earliest)),
      footLengthMm: rnd.around(sex === 'male' ? 268 : 242, 18),
      archHeightMm: rnd.around(62, 8),
      navicular: rnd.chance(0.3),
      pain: REGIONS.map(() => rnd.int(0, 8)),
      programs: [],
    })
  }
  // The clinic holds one record per person (same name keys and date of birth are refused since
  // migration 0008): a drawn twin is born a day later instead. No random draw here, so the rest of
  // the seeded clinic stays as it was.
  const people = new Set<string>()
  for (const p of patients) {
    const person = () => `${nameSearchKey(p.lastName)}|${nameSearchKey(p.firstName)}|${p.dob}`
    while (people.has(person())) p.dob = isoOf(dayOf(p.dob) + 1)
    people.add(person())
  }
  // Patient ids grow with time, as they do when a clinic registers people over the years.
  patients.sort((a, b) => a.registered - b.registered)

  const programCounts = patients.map(() => 1)
  for (let extra = size.programs - size.patients; extra > 0; extra--) programCounts[rnd.int(0, patients.length - 1)]!++

  const programs: PlannedProgram[] = []
  const activeWanted = Math.round(size.patients * activeShare)
  let activeVisits = 0
  patients.forEach((p, pi) => {
    const active = pi % Math.max(1, Math.round(size.patients / Math.max(1, activeWanted))) === 0
    let start = p.registered
    const count = programCounts[pi]!
    const starts: number[] = []
    for (let k = 0; k < count; k++) {
      starts.push(start)
      start += 130 + rnd.int(0, 500)
    }
    // Squeeze the plan into the years before today; the running program started within 18 weeks.
    const lastStart = active ? today - rnd.int(0, 126) : Math.min(starts[count - 1]!, today - 140)
    const shift = Math.max(0, starts[count - 1]! - lastStart)
    for (let k = 0; k < count; k++) {
      const s = Math.max(p.registered, starts[k]! - Math.round((shift * (k + 1)) / count))
      const isActive = active && k === count - 1
      const review = s + 112
      const visits = isActive ? 1 + Math.floor((today - lastStart) / 28) : 0
      activeVisits += visits
      p.programs.push(programs.length)
      programs.push({ patient: pi, start: isActive ? lastStart : s, review: isActive ? lastStart + 112 : review, end: isActive ? null : review + rnd.int(0, 14), visits })
    }
  })
  for (const g of programs) if (g.end !== null && g.end > today) g.end = today

  // The rest of the visit budget goes to finished programs: baseline, follow-ups, review.
  const [reportProgram, ...ended] = programs.filter((g) => g.end !== null)
  if (!reportProgram) throw new Error('The clinic is too small to have a finished program')
  const reportVisits = 30
  const budget = size.visits - activeVisits - reportVisits
  const base = Math.max(2, Math.floor(budget / ended.length))
  let remainder = budget - base * ended.length
  for (const g of ended) {
    g.visits = base + (remainder > 0 ? 1 : 0)
    remainder--
  }
  // One long program of weekly visits for the progress-report benchmark.
  reportProgram.visits = reportVisits
  reportProgram.start = Math.min(reportProgram.start, today - 7 * reportVisits - 30)
  reportProgram.review = reportProgram.start + 7 * (reportVisits - 1)
  reportProgram.end = reportProgram.review

  const visits: PlannedVisit[] = []
  programs.forEach((g, gi) => {
    const last = g.end === null ? today : g.review
    const step = g.visits > 1 ? (last - g.start) / (g.visits - 1) : 0
    for (let k = 0; k < g.visits; k++) {
      const isLast = k === g.visits - 1 && g.visits > 1
      const jitter = k === 0 || isLast ? 0 : rnd.int(-3, 3)
      const day = g.end === null ? g.start + 28 * k : Math.round(g.start + step * k) + jitter
      visits.push({
        patient: g.patient,
        program: gi,
        day: Math.min(day, today),
        kind: k === 0 ? 'baseline' : isLast && g.end !== null ? 'review' : 'follow_up',
        progress: Math.min(1, (day - g.start) / 112),
      })
    }
  })
  // Rows land in the order a clinic records them: by date across all patients.
  visits.sort((a, b) => a.day - b.day || a.patient - b.patient)
  return { patients, programs, visits, reportProgram: programs.indexOf(reportProgram), reportVisits }
}

function write(sqlite: Database.Database, rnd: Random, plan: ReturnType<typeof planClinic>, options: SeedOptions) {
  const at = `${options.today}T09:00:00.000Z`
  const exerciseIds = (sqlite.prepare('select id, name from exercises where builtin = 1 order by id').all() as { id: number; name: string }[]).slice(0, 3)

  const insertTherapist = sqlite.prepare('insert into therapists (display_name, credentials, active, created_at, updated_at) values (?, ?, 1, ?, ?)')
  const insertPatient = sqlite.prepare(
    `insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, phone, email, complaints_json, notes, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
  )
  const insertProgram = sqlite.prepare(
    `insert into programs (patient_id, therapist_id, name, start_date, review_date, end_date, end_reason, status, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertItem = sqlite.prepare(
    `insert into program_items (program_id, exercise_id, position, sets, reps, reps_text, hold_seconds, minutes, times_per_day, days_per_week, stage, notes)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  )
  const insertVisit = sqlite.prepare(
    `insert into visits (patient_id, therapist_id, program_id, visit_date, kind, headache_days, notes, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertMeasurement = sqlite.prepare(
    `insert into measurements (visit_id, side, foot_length_mm, truncated_foot_length_mm, arch_height_mm, arch_height_method, navicular_sitting_mm, navicular_standing_mm)
     values (?, ?, ?, ?, ?, 'dorsal_50', ?, ?)`,
  )
  const insertScore = sqlite.prepare('insert into symptom_scores (visit_id, region, score) values (?, ?, ?)')
  const insertNameWord = sqlite.prepare('insert into patient_name_words (word_key, patient_id) values (?, ?)')
  const insertAudit = sqlite.prepare(
    "insert into audit_log (at, therapist_id, action, entity, entity_id, patient_id, after_json) values (?, ?, 'create', ?, ?, ?, ?)",
  )

  const therapistIds: number[] = []
  const patientIds: number[] = []
  const programIds: number[] = []
  const programTherapist: number[] = []
  let measurements = 0
  let symptomScores = 0
  let programItems = 0
  let auditRows = 0

  sqlite.transaction(() => {
    for (const name of THERAPISTS) therapistIds.push(Number(insertTherapist.run(name, 'PT', at, at).lastInsertRowid))
    for (const p of plan.patients) {
      const created = `${isoOf(p.registered)}T08:30:00.000Z`
      const by = rnd.pick(therapistIds)
      const phone = rnd.chance(0.9) ? `+49 30 ${rnd.int(1000000, 9999999)}` : null
      const email = rnd.chance(0.6) ? `patient${patientIds.length + 1}@example.org` : null
      const complaints = JSON.stringify(rnd.chance(0.6) ? ['plantar_heel_pain'] : rnd.chance(0.5) ? ['knee_pain', 'low_back_pain'] : ['foot_pain', 'headaches'])
      const id = Number(
        insertPatient.run(p.firstName, p.lastName, nameSearchKey(p.firstName), nameSearchKey(p.lastName), p.dob, p.sex, phone, email, complaints, created, by, created, by)
          .lastInsertRowid,
      )
      patientIds.push(id)
      for (const key of nameWordKeys(p.firstName, p.lastName)) insertNameWord.run(key, id)
      insertAudit.run(created, by, 'patient', id, id, JSON.stringify({ id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dob, sex: p.sex, phone, email, complaints: JSON.parse(complaints) as string[], notes: '', archivedAt: null }))
      auditRows++
    }
  })()

  // Programs in start order, so ids grow with time like the app would write them.
  const programOrder = plan.programs.map((_, i) => i).sort((a, b) => plan.programs[a]!.start - plan.programs[b]!.start)
  sqlite.transaction(() => {
    for (const gi of programOrder) {
      const g = plan.programs[gi]!
      const by = rnd.pick(therapistIds)
      const created = `${isoOf(g.start)}T10:00:00.000Z`
      const status = g.end === null ? 'active' : 'ended'
      const name = rnd.pick(PROGRAM_NAMES)
      const id = Number(
        insertProgram.run(patientIds[g.patient]!, by, name, isoOf(g.start), isoOf(g.review), g.end === null ? null : isoOf(g.end), g.end === null ? null : 'Completed', status, created, by, created, by)
          .lastInsertRowid,
      )
      programIds[gi] = id
      programTherapist[gi] = by
      const items = exerciseIds.map((e, position) => {
        const dosage = position === 0 ? [3, null, 'until the towel is gathered', null, null, 1, 7, 0] : position === 1 ? [3, 10, null, 8, null, 2, 7, rnd.int(0, 2)] : [null, null, null, null, 15, 1, 7, 0]
        insertItem.run(id, e.id, position, ...dosage)
        programItems++
        return { exerciseId: e.id, exerciseName: e.name, position }
      })
      insertAudit.run(created, by, 'program', id, patientIds[g.patient]!, JSON.stringify({ id, name, startDate: isoOf(g.start), reviewDate: isoOf(g.review), status, items }))
      auditRows++
    }
  })()

  const writeVisits = sqlite.transaction((batch: PlannedVisit[]) => {
    for (const v of batch) {
      const p = plan.patients[v.patient]!
      const patientId = patientIds[v.patient]!
      const therapist = rnd.chance(0.85) ? programTherapist[v.program]! : rnd.pick(therapistIds)
      const date = isoOf(v.day)
      const created = `${date}T11:00:00.000Z`
      const headacheDays = p.pain[4]! > 0 ? Math.max(0, Math.round(p.pain[4]! * 2 * (1 - 0.5 * v.progress))) : null
      const notes = rnd.chance(0.3) ? 'Short-foot holds improving; keep heel down during towel curls.' : ''
      const id = Number(insertVisit.run(patientId, therapist, programIds[v.program]!, date, v.kind, headacheDays, notes, created, therapist, created, therapist).lastInsertRowid)
      const feet: Record<string, unknown> = {}
      for (const side of ['left', 'right'] as const) {
        // Four months of foot-core work: the arch rises a few mm and the foot gets slightly shorter.
        const fl = Math.round((p.footLengthMm + (side === 'left' ? -1.2 : 0) - 1.5 * v.progress + rnd.around(0, 1)) * 10) / 10
        const tfl = Math.round(fl * 0.73 * 10) / 10
        const ah = Math.round((p.archHeightMm + (side === 'left' ? 0.8 : 0) + 3 * v.progress + rnd.around(0, 1)) * 10) / 10
        const navSit = p.navicular ? Math.round((ah * 0.68 + rnd.around(0, 1)) * 10) / 10 : null
        const navStand = navSit === null ? null : Math.round((navSit - 9 + 3 * v.progress + rnd.around(0, 1)) * 10) / 10
        insertMeasurement.run(id, side, fl, tfl, ah, navSit, navStand)
        measurements++
        feet[side] = { footLengthMm: fl, truncatedFootLengthMm: tfl, archHeightMm: ah, archHeightMethod: 'dorsal_50', navicularSittingMm: navSit, navicularStandingMm: navStand }
      }
      const symptoms: Record<string, number> = {}
      REGIONS.forEach((region, r) => {
        const score = Math.max(0, Math.min(10, Math.round(p.pain[r]! * (1 - 0.6 * v.progress) + rnd.around(0, 1))))
        insertScore.run(id, region, score)
        symptoms[region] = score
        symptomScores++
      })
      insertAudit.run(created, therapist, 'visit', id, patientId, JSON.stringify({ id, patientId, visitDate: date, therapistId: therapist, kind: v.kind, ...feet, symptoms, headacheDays, notes, corrected: false }))
      auditRows++
    }
  })
  for (let i = 0; i < plan.visits.length; i += 20_000) writeVisits(plan.visits.slice(i, i + 20_000))

  return {
    patients: plan.patients.length,
    visits: plan.visits.length,
    programs: plan.programs.length,
    measurements,
    symptomScores,
    programItems,
    auditRows,
    therapists: therapistIds.length,
    activePrograms: plan.programs.filter((g) => g.end === null).length,
    reportPatientId: patientIds[plan.programs[plan.reportProgram]!.patient]!,
    reportProgramId: programIds[plan.reportProgram]!,
    reportVisits: plan.reportVisits,
  }
}
