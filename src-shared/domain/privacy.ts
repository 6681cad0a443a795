// A patient's own data: the complete record to hand over, and erasure on request.
import { z } from 'zod'
import type { AuditEntry } from './audit'
import { Id } from './common'
import type { Patient } from './patient'
import type { Program } from './program'
import type { Visit } from './visit'

export const PatientExportInput = z.object({ id: Id }).strict()

export const PatientEraseInput = z
  .object({
    id: Id,
    /** The second confirmation: the patient's last name, typed out. */
    confirmLastName: z.string({ error: "Type the patient's last name to confirm" }).max(200, { error: "Type the patient's last name to confirm" }),
  })
  .strict()

/** A PDF that belongs to the record, as base64 so the export stays one JSON file. */
export interface ExportedDocument {
  fileName: string
  contentType: 'application/pdf'
  base64: string
}

/** What `json` in a patient export holds (format version 1). */
export interface PatientRecordExport {
  format: 'footcore.patient-record'
  version: 1
  exportedAt: string
  patient: Patient
  visits: Visit[]
  programs: Program[]
  audit: AuditEntry[]
  documents: ExportedDocument[]
}

export interface PatientExport {
  fileName: string
  /** The record as JSON text, ready to save as `fileName`. */
  json: string
}

export interface PatientEraseResult {
  erasedPatientId: number
  visitsErased: number
  programsErased: number
}
