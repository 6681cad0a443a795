// Kysely table types: the database as the services see it (snake_case, one row type per table).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { UserRole } from '@shared/domain/user'

type Id = Generated<number>
/** Row version (migration 0008): starts at 1, +1 with every change; a stale change is refused. */
type Version = Generated<number>
/** 0/1 integer flag (portable to PostgreSQL as an integer column). */
type Flag = number

export interface TherapistsTable {
  id: Id
  display_name: string
  credentials: string | null
  active: ColumnType<Flag, Flag | undefined, Flag>
  created_at: string
  updated_at: string
  version: Version
  role: ColumnType<UserRole, UserRole | undefined, UserRole>
  login_name: string | null
  secret_hash: string | null
  setup_code_hash: string | null
  secret_changed_at: string | null
}

export interface ClinicSettingsTable {
  id: number
  clinic_name: string
  address: string
  phone: string | null
  email: string | null
  logo_data_url: string | null
  page_size: 'A4' | 'Letter'
  arch_height_method: 'dorsal_50' | 'navicular_standing'
  smc_arch_height_mm: number
  smc_foot_length_mm: number
  smc_navicular_drop_mm: number
  smc_arch_height_index: number
  review_interval_weeks: number
  /** Migration 0010: the screens' language and the report's by default. */
  language: ColumnType<string, string | undefined, string>
  updated_at: string
  updated_by: number | null
  version: Version
  lock_after_minutes: ColumnType<number, number | undefined, number>
  recovery_code_hash: string | null
}

export interface PatientsTable {
  id: Id
  first_name: string
  last_name: string
  first_name_key: string
  last_name_key: string
  date_of_birth: string
  sex: 'female' | 'male' | 'other' | 'unspecified'
  phone: string | null
  email: string | null
  complaints_json: string
  notes: string
  /** Migration 0010: the language the patient's handouts print in. */
  preferred_language: ColumnType<string, string | undefined, string>
  archived_at: string | null
  created_at: string
  created_by: number | null
  updated_at: string
  updated_by: number | null
  version: Version
}

interface DosageColumns {
  sets: number | null
  reps: number | null
  reps_text: string | null
  hold_seconds: number | null
  minutes: number | null
  times_per_day: number
  days_per_week: number
  stage: number
}

export interface ExercisesTable extends DosageColumns {
  id: Id
  slug: string | null
  name: string
  purpose: string
  steps_json: string
  mistakes_json: string
  stages_json: string
  safety: string
  illustration: string | null
  builtin: Flag
  /** Migration 0010: the language of this row's texts; other languages are in exercise_texts. */
  language: ColumnType<string, string | undefined, string>
  dosage_notes: string
  archived_at: string | null
  created_at: string
  created_by: number | null
  updated_at: string
  updated_by: number | null
  version: Version
}

/** An exercise's texts in one more language (migration 0010). */
export interface ExerciseTextsTable {
  id: Id
  exercise_id: number
  language: string
  name: string
  purpose: string
  steps_json: string
  mistakes_json: string
  stages_json: string
  safety: string
  reps_text: string | null
}

export interface ProgramsTable {
  id: Id
  patient_id: number
  therapist_id: number
  name: string
  start_date: string
  review_date: string
  end_date: string | null
  end_reason: string | null
  status: 'active' | 'ended'
  created_at: string
  created_by: number | null
  updated_at: string
  updated_by: number | null
  version: Version
}

export interface ProgramItemsTable extends DosageColumns {
  id: Id
  program_id: number
  exercise_id: number
  position: number
  notes: string
  planned_weeks_json: string | null
  plan_shift_weeks: ColumnType<number, number | undefined, number>
}

export interface VisitsTable {
  id: Id
  patient_id: number
  therapist_id: number
  program_id: number | null
  visit_date: string
  kind: 'baseline' | 'follow_up' | 'review'
  headache_days: number | null
  notes: string
  created_at: string
  created_by: number | null
  updated_at: string
  updated_by: number | null
  corrected: ColumnType<Flag, Flag | undefined, Flag>
  version: Version
  adherence_days_planned: number | null
  adherence_days_done: number | null
  /** Migration 0011: a visit entered by mistake is voided (hidden everywhere, restorable), never deleted. */
  voided_at: ColumnType<string | null, string | null | undefined, string | null>
  voided_by: ColumnType<number | null, number | null | undefined, number | null>
  void_reason: ColumnType<string | null, string | null | undefined, string | null>
}

/** Migration 0011: the keys a patient is found by, one row each (see nameWordKeys). */
export interface PatientNameWordsTable {
  word_key: string
  patient_id: number
}

export interface VisitStageStepsTable {
  id: Id
  visit_id: number
  exercise_id: number
  decision: 'advance' | 'hold' | 'step_back'
  stage_before: number
  stage_after: number
  reason: string
}

export interface VisitAdherenceTable {
  id: Id
  visit_id: number
  exercise_id: number
  days_planned: number
  days_done: number
}

export interface MeasurementsTable {
  id: Id
  visit_id: number
  side: 'left' | 'right'
  foot_length_mm: number | null
  truncated_foot_length_mm: number | null
  arch_height_mm: number | null
  arch_height_method: 'dorsal_50' | 'navicular_standing'
  navicular_sitting_mm: number | null
  navicular_standing_mm: number | null
}

export interface SymptomScoresTable {
  visit_id: number
  region: 'foot_heel' | 'knee' | 'low_back' | 'neck' | 'headache'
  score: number
}

export interface AuditLogTable {
  id: Id
  at: string
  therapist_id: number | null
  action: string
  entity: string
  entity_id: number
  patient_id: number | null
  before_json: string | null
  after_json: string | null
  reason: string | null
}

export interface WorkstationsTable {
  id: string
  computer_name: string
  therapist_id: number | null
  started_at: string
  last_seen_at: string
}

export interface SessionsTable {
  id: string
  token_hash: string
  user_id: number
  computer_name: string
  started_at: string
  last_activity_at: string
  locked: ColumnType<Flag, Flag | undefined, Flag>
  ended_at: string | null
}

export interface SignInFailuresTable {
  login_key: string
  computer_name: string
  failures: number
  last_failure_at: string
  wait_until: string | null
}

/** One row: the identity of this database file; a restore gives the restored file a new one. */
export interface DatabaseIdentityTable {
  id: Id
  identity: string
  assigned_at: string
}

export interface DB {
  therapists: TherapistsTable
  clinic_settings: ClinicSettingsTable
  patients: PatientsTable
  exercises: ExercisesTable
  exercise_texts: ExerciseTextsTable
  programs: ProgramsTable
  program_items: ProgramItemsTable
  visits: VisitsTable
  measurements: MeasurementsTable
  symptom_scores: SymptomScoresTable
  audit_log: AuditLogTable
  workstations: WorkstationsTable
  visit_stage_steps: VisitStageStepsTable
  visit_adherence: VisitAdherenceTable
  database_identity: DatabaseIdentityTable
  sessions: SessionsTable
  sign_in_failures: SignInFailuresTable
  patient_name_words: PatientNameWordsTable
}

export type PatientRow = Selectable<PatientsTable>
export type ExerciseRow = Selectable<ExercisesTable>
export type ExerciseTextRow = Selectable<ExerciseTextsTable>
export type ProgramRow = Selectable<ProgramsTable>
export type ProgramItemRow = Selectable<ProgramItemsTable>
export type VisitRow = Selectable<VisitsTable>
export type MeasurementRow = Selectable<MeasurementsTable>
export type NewAuditEntry = Insertable<AuditLogTable>
