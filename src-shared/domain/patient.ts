// Patients: who is treated, how to reach them, and what they came with.
import { z } from 'zod'
import { LanguageField, type Language } from '../i18n/languages'
import { BaseVersion, Id, IsoDate, PageRequest, optionalLine, text, type Page } from './common'
import { personName } from './names'

export const SEXES = ['female', 'male', 'other', 'unspecified'] as const
export type Sex = (typeof SEXES)[number]

export const COMPLAINTS = ['plantar_heel_pain', 'foot_pain', 'knee_pain', 'low_back_pain', 'neck_pain', 'headaches', 'other'] as const
export type Complaint = (typeof COMPLAINTS)[number]
export const COMPLAINT_LABELS: Record<Complaint, string> = {
  plantar_heel_pain: 'Plantar heel pain',
  foot_pain: 'Foot pain',
  knee_pain: 'Knee pain',
  low_back_pain: 'Low back pain',
  neck_pain: 'Neck pain',
  headaches: 'Headaches',
  other: 'Other',
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const PHONE = /^[+0-9 ()./-]{3,30}$/

export const PatientFields = z.object({
  firstName: personName('First name'),
  lastName: personName('Last name'),
  dateOfBirth: IsoDate,
  sex: z.enum(SEXES, { error: 'Choose female, male, other or unspecified' }).default('unspecified'),
  phone: optionalLine('Phone', 30).refine((v) => v === null || PHONE.test(v), {
    error: 'Phone can contain digits, spaces, +, -, ( and ) only',
  }),
  email: optionalLine('Email', 254).refine((v) => v === null || EMAIL.test(v), { error: 'Enter an email like name@example.com' }),
  complaints: z.array(z.enum(COMPLAINTS, { error: 'Unknown complaint' })).max(COMPLAINTS.length).default([]),
  notes: text('Notes', 5000).default(''),
  /** The language the patient's handouts print in; left out: the clinic's (new patient) or unchanged. */
  preferredLanguage: LanguageField.optional(),
})

/** A date of birth cannot be in the future. `today` is YYYY-MM-DD. */
export function dateOfBirthIssue(dateOfBirth: string, today: string): string | null {
  return dateOfBirth > today ? 'Date of birth cannot be in the future' : null
}

export const PatientCreateInput = PatientFields.strict()
export const PatientUpdateInput = PatientFields.extend({ id: Id, version: BaseVersion }).strict()
export const PatientIdInput = z.object({ id: Id }).strict()
/** What reception may see and change: who the patient is and how to reach them (no clinical notes). */
export const PatientContactFields = PatientFields.pick({ firstName: true, lastName: true, dateOfBirth: true, sex: true, phone: true, email: true, preferredLanguage: true })
export const PatientContactUpdateInput = PatientContactFields.extend({ id: Id, version: BaseVersion }).strict()
export const PatientArchiveInput = z.object({ id: Id, version: BaseVersion, archived: z.boolean().default(true) }).strict()

export const PATIENT_SORTS = ['name', 'last_visit', 'next_review'] as const
export const PatientSearchInput = PageRequest.extend({
  query: z.string().max(100, { error: 'Search can be at most 100 characters' }).default(''),
  dateOfBirth: IsoDate.nullable().default(null),
  includeArchived: z.boolean().default(false),
  sort: z.enum(PATIENT_SORTS).default('name'),
}).strict()

export interface Patient {
  id: number
  firstName: string
  lastName: string
  dateOfBirth: string
  sex: Sex
  phone: string | null
  email: string | null
  complaints: Complaint[]
  notes: string
  preferredLanguage: Language
  archivedAt: string | null
  createdAt: string
  updatedAt: string
  /** Row version: a change names the one it was based on. */
  version: number
}

export type PatientContact = Pick<Patient, 'id' | 'firstName' | 'lastName' | 'dateOfBirth' | 'sex' | 'phone' | 'email' | 'preferredLanguage' | 'archivedAt' | 'version'>

export type ReviewStatus = 'none' | 'upcoming' | 'due' | 'overdue'

export interface PatientSummary {
  id: number
  firstName: string
  lastName: string
  dateOfBirth: string
  archived: boolean
  lastVisitDate: string | null
  nextReviewDate: string | null
  reviewStatus: ReviewStatus
}

export type PatientPage = Page<PatientSummary>
