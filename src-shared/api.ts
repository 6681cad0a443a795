// THE contract between renderer and main: method name → input schema → output type.
// Both transports (Electron IPC, browser-shell HTTP) carry exactly these methods.
import { z } from 'zod'
import { AuditForPatientInput, type AuditEntry } from './domain/audit'
import { BackupRestoreInput, type BackupInfo, type RecoveryStatus, type RestorePreview, type RestoreResult } from './domain/backup'
import { ChangesSinceInput, type ChangesPage, type Workstation } from './domain/changes'
import { DatabaseServerInput, type DatabaseMoveResult, type DatabaseServerCheck, type DatabaseStatus } from './domain/database'
import { ExerciseCreateInput, ExerciseListInput, ExerciseUpdateInput, type Exercise } from './domain/exercise'
import {
  PatientArchiveInput,
  PatientContactUpdateInput,
  PatientCreateInput,
  PatientIdInput,
  PatientSearchInput,
  PatientUpdateInput,
  type Patient,
  type PatientContact,
  type PatientPage,
} from './domain/patient'
import {
  ProgramAssignInput,
  ProgramEndInput,
  ProgramForPatientInput,
  ProgramUpdateInput,
  type Program,
  type ProgramHistoryEntry,
} from './domain/program'
import { PatientEraseInput, PatientExportInput, type PatientEraseResult, type PatientExport } from './domain/privacy'
import { DueReviewsInput, type DueReview } from './domain/review'
import { SettingsUpdateInput, type Settings } from './domain/settings'
import { TherapistListInput, type Therapist } from './domain/therapist'
import {
  FirstAdministratorInput,
  RecoverInput,
  SignInInput,
  UnlockInput,
  UserCreateInput,
  UserIdInput,
  UserRoleInput,
  UserUpdateInput,
  type FirstAdministratorResult,
  type SessionState,
  type SetupStatus,
  type SignInResult,
  type User,
  type UserWithSetupCode,
} from './domain/user'
import { VisitCorrectInput, VisitListInput, VisitRecordInput, VisitRestoreInput, VisitVoidInput, type Visit } from './domain/visit'
import { Id } from './domain/common'
import { LanguageField } from './i18n/languages'

interface MethodSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output: O
}
const method = <I extends z.ZodType>(input: I) => ({ returns: <O>(): MethodSpec<I, O> => ({ input, output: undefined as O }) })

const NoInput = z.object({}).strict().default({})

/** A generated PDF: the suggested file name and the bytes, base64 so both transports carry it as JSON. */
export interface PdfDocument {
  fileName: string
  pdfBase64: string
}
/**
 * `language`: the document's language. Left out, a handout prints in the patient's preferred
 * language and a progress report in the clinic's ("Print for the patient in Polish" sends 'pl').
 */
const HandoutInput = z.object({ programId: Id, language: LanguageField.optional() }).strict()
const ProgressReportInput = z.object({ patientId: Id, programId: Id.nullable().optional(), language: LanguageField.optional() }).strict()

export const contract = {
  'session.setupStatus': method(NoInput).returns<SetupStatus>(),
  'session.createFirstAdministrator': method(FirstAdministratorInput).returns<FirstAdministratorResult>(),
  'session.signIn': method(SignInInput).returns<SignInResult>(),
  'session.recover': method(RecoverInput).returns<FirstAdministratorResult>(),
  'session.current': method(NoInput).returns<SessionState>(),
  'session.signOut': method(NoInput).returns<SessionState>(),
  'session.lock': method(NoInput).returns<SessionState>(),
  'session.unlock': method(UnlockInput).returns<SessionState>(),
  /** Someone is typing (no other call for a while): the idle lock starts counting again. */
  'session.stillHere': method(NoInput).returns<SessionState>(),

  'users.list': method(NoInput).returns<User[]>(),
  'users.create': method(UserCreateInput).returns<UserWithSetupCode>(),
  'users.update': method(UserUpdateInput).returns<User>(),
  'users.setRole': method(UserRoleInput).returns<User>(),
  'users.resetPin': method(UserIdInput).returns<UserWithSetupCode>(),
  'users.deactivate': method(UserIdInput).returns<User>(),
  'users.reactivate': method(UserIdInput).returns<User>(),

  'patients.create': method(PatientCreateInput).returns<Patient>(),
  'patients.update': method(PatientUpdateInput).returns<Patient>(),
  'patients.archive': method(PatientArchiveInput).returns<Patient>(),
  'patients.get': method(PatientIdInput).returns<Patient>(),
  'patients.contact': method(PatientIdInput).returns<PatientContact>(),
  'patients.updateContact': method(PatientContactUpdateInput).returns<PatientContact>(),
  'patients.search': method(PatientSearchInput).returns<PatientPage>(),
  'patients.export': method(PatientExportInput).returns<PatientExport>(),
  'patients.erase': method(PatientEraseInput).returns<PatientEraseResult>(),

  'therapists.list': method(TherapistListInput).returns<Therapist[]>(),

  'settings.get': method(NoInput).returns<Settings>(),
  'settings.update': method(SettingsUpdateInput).returns<Settings>(),

  'visits.record': method(VisitRecordInput).returns<Visit>(),
  'visits.correct': method(VisitCorrectInput).returns<Visit>(),
  'visits.list': method(VisitListInput).returns<Visit[]>(),
  'visits.void': method(VisitVoidInput).returns<Visit>(),
  'visits.restore': method(VisitRestoreInput).returns<Visit>(),

  'exercises.list': method(ExerciseListInput).returns<Exercise[]>(),
  'exercises.create': method(ExerciseCreateInput).returns<Exercise>(),
  'exercises.update': method(ExerciseUpdateInput).returns<Exercise>(),

  'programs.assign': method(ProgramAssignInput).returns<Program>(),
  'programs.update': method(ProgramUpdateInput).returns<Program>(),
  'programs.end': method(ProgramEndInput).returns<Program>(),
  'programs.current': method(ProgramForPatientInput).returns<Program | null>(),
  'programs.history': method(ProgramForPatientInput).returns<ProgramHistoryEntry[]>(),

  'reviews.due': method(DueReviewsInput).returns<DueReview[]>(),
  'audit.forPatient': method(AuditForPatientInput).returns<AuditEntry[]>(),

  'documents.handout': method(HandoutInput).returns<PdfDocument>(),
  'documents.progressReport': method(ProgressReportInput).returns<PdfDocument>(),

  'backups.list': method(NoInput).returns<BackupInfo[]>(),
  'backups.create': method(NoInput).returns<BackupInfo>(),
  'backups.preview': method(BackupRestoreInput).returns<RestorePreview>(),
  'backups.restore': method(BackupRestoreInput).returns<RestoreResult>(),
  'changes.since': method(ChangesSinceInput).returns<ChangesPage>(),
  'workstations.list': method(NoInput).returns<Workstation[]>(),

  'database.status': method(NoInput).returns<DatabaseStatus>(),
  'database.testServer': method(DatabaseServerInput).returns<DatabaseServerCheck>(),
  'database.useServer': method(DatabaseServerInput).returns<DatabaseStatus>(),
  'database.moveToServer': method(DatabaseServerInput).returns<DatabaseMoveResult>(),

  /** The two methods that still answer when the database could not be opened. */
  'recovery.status': method(NoInput).returns<RecoveryStatus>(),
  'recovery.restore': method(BackupRestoreInput).returns<RestoreResult>(),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
/** What a service receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = Contract[M]['output']

export const METHOD_NAMES = Object.keys(contract) as MethodName[]
export const isMethodName = (s: string): s is MethodName => Object.prototype.hasOwnProperty.call(contract, s)

/** One call as it travels over either transport. */
export interface CallEnvelope {
  input: unknown
  /** Identity of the database the page loaded its records from (null before its first answer). */
  databaseId?: string | null
}

type Group<M> = M extends `${infer G}.${string}` ? G : never
/** `api.patients.create(input)` — the grouped client shape the renderer uses. */
export type GroupedApi = {
  [G in Group<MethodName>]: {
    [M in MethodName as M extends `${G}.${infer N}` ? N : never]: (input: Input<M>) => Promise<Output<M>>
  }
}
