// A patient's own data: export the complete record (JSON plus their PDFs), and erase it completely.
import type { z } from 'zod'
import { ApiError, invalidInput } from '@shared/domain/errors'
import type { ExportedDocument, PatientEraseInput, PatientEraseResult, PatientExport, PatientRecordExport } from '@shared/domain/privacy'
import { scrubFreeSpace, withSecureDelete } from '../db/secure-delete'
import { log } from '../log'
import { listAuditForPatient, recordAudit } from './audit'
import { handoutDocument, progressReportDocument } from './documents'
import { nowIso, today, type ServiceContext } from './context'
import { requirePatient } from './patients'
import { loadPrograms } from './programs'
import { loadVisits } from './visits'

/** The patient's PDFs: a handout for each program, and the progress report when there is one to make. */
async function patientDocuments(ctx: ServiceContext, patientId: number, programIds: number[]): Promise<ExportedDocument[]> {
  const builds = [...programIds.map((programId) => () => handoutDocument(ctx, { programId })), () => progressReportDocument(ctx, { patientId })]
  const documents: ExportedDocument[] = []
  for (const build of builds) {
    try {
      const doc = await build()
      documents.push({ fileName: doc.fileName, contentType: 'application/pdf', base64: doc.pdfBase64 })
    } catch (e) {
      // No report yet (no follow-up visit) answers conflict, a name no font can print answers
      // unprintable: the export simply has no such PDF (the record itself is all in the JSON).
      if (e instanceof ApiError && (e.code === 'conflict' || e.code === 'unprintable')) continue
      throw e
    }
  }
  return documents
}

export async function exportPatientRecord(ctx: ServiceContext, input: { id: number }): Promise<PatientExport> {
  const patient = await requirePatient(ctx.db, input.id, ['id'])
  const [visits, programs, audit] = await Promise.all([
    loadVisits(ctx.db, { patientId: input.id }),
    loadPrograms(ctx.db, { patientId: input.id }),
    listAuditForPatient(ctx, { patientId: input.id }),
  ])
  const record: PatientRecordExport = {
    format: 'footcore.patient-record',
    version: 1,
    exportedAt: nowIso(ctx),
    patient,
    visits,
    programs,
    audit,
    documents: await patientDocuments(ctx, input.id, programs.map((p) => p.id)),
  }
  return { fileName: `footcore-patient-${input.id}-${today(ctx)}.json`, json: `${JSON.stringify(record, null, 2)}\n` }
}

const sameName = (typed: string, lastName: string) => typed.trim().normalize('NFC') === lastName.trim().normalize('NFC')

/**
 * Erases a patient and everything recorded about them, with deleted content overwritten on disk.
 * The audit trail keeps that changes happened (who, when, what kind) but loses every value, and
 * gains one 'erase' entry holding only the id. Backups and files set aside by a restore made
 * earlier still hold the patient until rotation deletes them (db/backup.ts: 35 days at most).
 */
export async function erasePatient(ctx: ServiceContext, input: z.output<typeof PatientEraseInput>): Promise<PatientEraseResult> {
  if (ctx.actorId === null) throw new ApiError({ code: 'unauthorized', message: 'Choose who is working before erasing a patient' })
  const result = await withSecureDelete(ctx.db, () =>
    ctx.db.transaction().execute(async (trx) => {
      const patient = await requirePatient(trx, input.id, ['id'])
      // The message never repeats the name: error texts may end up in logs or screenshots.
      if (!sameName(input.confirmLastName, patient.lastName)) {
        throw invalidInput([{ path: ['confirmLastName'], message: "The last name does not match; type the patient's last name exactly to erase" }])
      }
      const visitIds = (await trx.selectFrom('visits').select('id').where('patient_id', '=', input.id).execute()).map((v) => v.id)
      const programIds = (await trx.selectFrom('programs').select('id').where('patient_id', '=', input.id).execute()).map((p) => p.id)
      if (visitIds.length > 0) {
        await trx.deleteFrom('measurements').where('visit_id', 'in', visitIds).execute()
        await trx.deleteFrom('symptom_scores').where('visit_id', 'in', visitIds).execute()
        await trx.deleteFrom('visits').where('id', 'in', visitIds).execute()
      }
      if (programIds.length > 0) {
        await trx.deleteFrom('program_items').where('program_id', 'in', programIds).execute()
        await trx.deleteFrom('programs').where('id', 'in', programIds).execute()
      }
      await trx.updateTable('audit_log').set({ before_json: null, after_json: null, reason: null }).where('patient_id', '=', input.id).execute()
      await trx.deleteFrom('patient_name_words').where('patient_id', '=', input.id).execute()
      await trx.deleteFrom('patients').where('id', '=', input.id).execute()
      await recordAudit(trx, ctx, { action: 'erase', entity: 'patient', entityId: input.id, patientId: input.id })
      return { erasedPatientId: input.id, visitsErased: visitIds.length, programsErased: programIds.length }
    }),
  )
  try {
    await scrubFreeSpace(ctx.db)
  } catch (e) {
    // The erase is committed: "nothing was changed" would be false. Say what happened instead.
    log.error('erase committed but the wipe did not finish', { error: e instanceof Error ? e.message : String(e) })
    throw new ApiError({ code: 'conflict', message: ERASED_NOT_WIPED })
  }
  return result
}

export const ERASED_NOT_WIPED =
  'The patient was erased, but Footcore could not yet wipe their old values from the journal file next to the clinic records (footcore.sqlite-wal), because another window or program was reading the records. Close every other Footcore window: the journal is emptied when the records are next closed.'
