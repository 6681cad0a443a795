// Clinic records for the PDF tests and the benchmark, entered through the real router on a temp SQLite file.
import type { Input } from '@shared/api'
import type { Exercise } from '@shared/domain/exercise'
import type { PageSize } from '@shared/domain/settings'
import { addWeeks } from '@shared/calc/dates'
import { openTestClinic, type TestClinic } from '../../support/db'

export const PRINT_DAY = '2026-11-26'
export const NOW = new Date(`${PRINT_DAY}T10:00:00Z`)

export interface PdfClinic {
  clinic: TestClinic
  therapistId: number
  exercises: Map<string, Exercise>
}

/** A 48×48 PNG clinic logo (a disc with an arch). */
export const LOGO_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAA0ElEQVR42u3Z0Q2AIAwE0NvE0VzPLXUBhLbQ62kg/hnkpQEpBbdYQ7jncV6dhwfqO+ZlyKPEWMimeFngUOwskDVDE/iavgklmo4JVZo3Ewo1TZM2aO0fJfY1Nyhjq2mDllNcLDfIONh8doCwJqnLGLRqthoHcoMmV7UJlBSeWJCQGp5AkDbo56D6Sc1c9lYQORV5BWUfmT8Far7mgwZ72QZd7oyRk+oLgwpNC45BJNA+uRpAcsUGxXKMYsFKsaSnWPRULAuLFs5FrxZEL1+y2wNsFVqwsjhEVwAAAABJRU5ErkJggg=='

export async function openPdfClinic(pageSize: PageSize = 'A4', withLogo = true): Promise<PdfClinic> {
  const clinic = await openTestClinic(NOW)
  const therapist = await clinic.call('users.create', { displayName: 'Anna Nowak', credentials: 'PT, MSc' })
  await clinic.call('settings.update', {
    version: await clinic.versionOf('clinic_settings', 1),
    clinicName: 'Fußwerk Physiotherapie Kraków',
    address: 'ul. Długa 12\n31-147 Kraków',
    phone: '+48 12 345 67 89',
    email: 'kontakt@fusswerk.example',
    logoDataUrl: withLogo ? LOGO_PNG : null,
    pageSize,
    archHeightMethod: 'dorsal_50',
    smcArchHeightMm: 2,
    smcFootLengthMm: 2,
    smcNavicularDropMm: 2,
    smcArchHeightIndex: 0.025,
    reviewIntervalWeeks: 16,
  })
  const list = await clinic.call('exercises.list', {})
  return { clinic, therapistId: therapist.id, exercises: new Map(list.filter((e) => e.slug).map((e) => [e.slug!, e])) }
}

export interface FootValues {
  footLengthMm: number
  truncatedFootLengthMm?: number
  archHeightMm: number
  navicularSittingMm?: number
  navicularStandingMm?: number
}

export interface PatientSpec {
  firstName: string
  lastName: string
  dateOfBirth?: string
  startDate?: string
  slugs?: string[]
  /** Visits besides the baseline: 1 = a review at 16 weeks; more = evenly spaced follow-ups ending with the review. */
  laterVisits?: number
  /** null: that foot is never measured. */
  left?: ((i: number, n: number) => FootValues) | null
  right?: ((i: number, n: number) => FootValues) | null
  reviewNotes?: string
  /** Change the short-foot stage during the program (audit shows up in the report). */
  progress?: boolean
}

/** Left foot: −2.5 mm length and +3.5 mm arch over the program (beyond 2 mm); right: within error. */
export const LEFT = (i: number, n: number): FootValues => ({
  footLengthMm: Math.round((252 - (2.5 * i) / Math.max(1, n)) * 10) / 10,
  truncatedFootLengthMm: 183,
  archHeightMm: Math.round((58 + (3.5 * i) / Math.max(1, n)) * 10) / 10,
  navicularSittingMm: 42,
  navicularStandingMm: Math.round((34.5 + (2.5 * i) / Math.max(1, n)) * 10) / 10,
})
export const RIGHT = (i: number, n: number): FootValues => ({
  footLengthMm: Math.round((251 - (1 * i) / Math.max(1, n)) * 10) / 10,
  truncatedFootLengthMm: 182,
  archHeightMm: Math.round((59 + (1.2 * i) / Math.max(1, n)) * 10) / 10,
})

export interface SeededPatient {
  patientId: number
  programId: number
  startDate: string
  reviewDate: string
}

export async function seedPatient(c: PdfClinic, spec: PatientSpec): Promise<SeededPatient> {
  const { clinic, therapistId } = c
  const patient = await clinic.call('patients.create', {
    firstName: spec.firstName,
    lastName: spec.lastName,
    dateOfBirth: spec.dateOfBirth ?? '1979-03-14',
  })
  const startDate = spec.startDate ?? '2026-05-04'
  const slugs = spec.slugs ?? ['towel-crumpling', 'short-foot', 'barefoot-transition']
  const items = slugs.map((slug) => {
    const e = c.exercises.get(slug)!
    return { exerciseId: e.id, ...e.dosage }
  })
  const program = await clinic.call('programs.assign', { patientId: patient.id, therapistId, startDate, items }, therapistId)
  const n = spec.laterVisits ?? 1
  const left = spec.left === undefined ? LEFT : spec.left
  const right = spec.right === undefined ? RIGHT : spec.right
  for (let i = 0; i <= n; i++) {
    // Evenly spaced over the 16 weeks; the last one is the four-month review.
    const visitDate = i === n && n > 0 ? program.reviewDate : addWeeks(startDate, Math.floor((16 * i) / Math.max(1, n)))
    const visit: Input<'visits.record'> = {
      patientId: patient.id,
      therapistId,
      visitDate,
      kind: i === 0 ? 'baseline' : i === n ? 'review' : 'follow_up',
      left: left ? left(i, n) : null,
      right: right ? right(i, n) : null,
      symptoms: i === 0 ? { foot_heel: 7, knee: 3, low_back: 4, neck: null, headache: 5 } : { foot_heel: 3, knee: 2, low_back: 4, neck: null, headache: 2 },
      headacheDays: i === 0 ? 9 : 4,
      notes: i === n ? (spec.reviewNotes ?? 'Morning heel pain much better. Continue standing short-foot.') : '',
    }
    await clinic.call('visits.record', visit, therapistId)
    if (spec.progress !== false && i === 1 && n > 1) {
      const current = (await clinic.call('programs.current', { patientId: patient.id }))!
      await clinic.call(
        'programs.update',
        {
          programId: current.id,
          version: current.version,
          items: current.items.map((it) => ({
            exerciseId: it.exerciseId,
            sets: it.sets,
            reps: it.reps,
            repsText: it.repsText,
            holdSeconds: it.exerciseName.startsWith('Short-foot') ? 8 : it.holdSeconds,
            minutes: it.minutes,
            timesPerDay: it.timesPerDay,
            daysPerWeek: it.daysPerWeek,
            stage: it.exerciseName.startsWith('Short-foot') ? 1 : it.stage,
            notes: it.notes,
          })),
          reason: 'Sitting version easy',
        },
        therapistId,
      )
    }
  }
  return { patientId: patient.id, programId: program.id, startDate, reviewDate: program.reviewDate }
}

/** A therapist's day: eight patients with programs and a full 16-week history each. */
export async function seedTherapistsDay(c: PdfClinic): Promise<SeededPatient[]> {
  const names: [string, string][] = [
    ['Zoë', "Łukasiewicz-O'Brien"],
    ['Дмитрий', 'Шостакович'],
    ['Jana', 'Dvořáková'],
    ['Søren', 'Kierkegaard'],
    ['Ana', 'Muñoz'],
    ['Καλλιόπη', 'Παπαδοπούλου'],
    ['Mark', 'Jones'],
    ['Ayşe', 'Yılmaz'],
  ]
  const out: SeededPatient[] = []
  for (const [firstName, lastName] of names) out.push(await seedPatient(c, { firstName, lastName, laterVisits: 4 }))
  return out
}
