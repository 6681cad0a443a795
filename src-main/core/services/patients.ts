// Patients: create, correct details, archive, find.
import { sql, type Expression, type SqlBool } from 'kysely'
import type { z } from 'zod'
import { reviewStatus } from '@shared/calc/review'
import { ApiError, invalidInput, notFound } from '@shared/domain/errors'
import { nameQueryWords, nameSearchKey, nameWordKeys } from '@shared/domain/names'
import {
  type PatientContact,
  type PatientContactFields,
  type PatientContactUpdateInput,
  dateOfBirthIssue,
  type Complaint,
  type Patient,
  type PatientCreateInput,
  type PatientPage,
  type PatientSearchInput,
  type PatientUpdateInput,
} from '@shared/domain/patient'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/i18n/languages'
import type { PatientRow } from '../db/schema'
import { compiledOnce } from '../db/compiled-once'
import { recordAudit } from './audit'
import { claimVersion } from './versions'
import { nowIso, parseJson, today, type Db, type ServiceContext } from './context'

export const toPatient = (r: PatientRow): Patient => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  dateOfBirth: r.date_of_birth,
  sex: r.sex,
  phone: r.phone,
  email: r.email,
  complaints: parseJson<Complaint[]>(r.complaints_json, []),
  notes: r.notes,
  preferredLanguage: isLanguage(r.preferred_language) ? r.preferred_language : DEFAULT_LANGUAGE,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
})

const patientById = compiledOnce((db, p: { id: number }) => db.selectFrom('patients').selectAll().where('id', '=', p.id))

export async function findPatient(db: Db, id: number): Promise<Patient | null> {
  const r = await patientById.executeTakeFirst(db, { id })
  return r ? toPatient(r) : null
}

export async function requirePatient(db: Db, id: number, field: (string | number)[] = ['patientId']): Promise<Patient> {
  const p = await findPatient(db, id)
  if (!p) throw notFound('Patient', field)
  return p
}

type Fields = z.output<typeof PatientCreateInput>

/** Who the patient is and how to reach them: what reception may change too. */
function contactColumns(input: z.output<typeof PatientContactFields>) {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    first_name_key: nameSearchKey(input.firstName),
    last_name_key: nameSearchKey(input.lastName),
    date_of_birth: input.dateOfBirth,
    sex: input.sex,
    phone: input.phone,
    email: input.email,
    // Left out: unchanged on an update; a new patient gets the clinic's language (createPatient).
    ...(input.preferredLanguage !== undefined ? { preferred_language: input.preferredLanguage } : {}),
  }
}

function columns(input: Fields) {
  return { ...contactColumns(input), complaints_json: JSON.stringify([...new Set(input.complaints)]), notes: input.notes }
}

/** Rewrites the keys the patient is found by (every word of both names; see nameWordKeys). */
export async function writeNameWords(db: Db, patientId: number, firstName: string, lastName: string): Promise<void> {
  await db.deleteFrom('patient_name_words').where('patient_id', '=', patientId).execute()
  const keys = nameWordKeys(firstName, lastName)
  if (keys.length > 0) await db.insertInto('patient_name_words').values(keys.map((word_key) => ({ word_key, patient_id: patientId }))).execute()
}

async function checkFields(db: Db, ctx: ServiceContext, input: Pick<Fields, 'firstName' | 'lastName' | 'dateOfBirth'>, exceptId: number | null): Promise<void> {
  const dobIssue = dateOfBirthIssue(input.dateOfBirth, today(ctx))
  if (dobIssue) throw invalidInput([{ path: ['dateOfBirth'], message: dobIssue }])
  let q = db
    .selectFrom('patients')
    .select('id')
    .where('last_name_key', '=', nameSearchKey(input.lastName))
    .where('first_name_key', '=', nameSearchKey(input.firstName))
    .where('date_of_birth', '=', input.dateOfBirth)
  if (exceptId !== null) q = q.where('id', '!=', exceptId)
  const same = await q.executeTakeFirst()
  if (same) {
    // The issue names the existing record, so the page can link to it.
    const message = 'A patient with this name and date of birth already exists'
    throw new ApiError({ code: 'conflict', message, issues: [{ path: ['duplicateOf', same.id], message }] })
  }
}

export async function createPatient(ctx: ServiceContext, input: Fields): Promise<Patient> {
  if (ctx.role === 'reception' && (input.notes !== '' || input.complaints.length > 0)) {
    throw new ApiError({ code: 'unauthorized', message: 'Reception enters contact details only: a therapist adds complaints and notes' })
  }
  return ctx.db.transaction().execute(async (trx) => {
    await checkFields(trx, ctx, input, null)
    const at = nowIso(ctx)
    const language = input.preferredLanguage ?? (await trx.selectFrom('clinic_settings').select('language').where('id', '=', 1).executeTakeFirstOrThrow()).language
    const { id } = await trx
      .insertInto('patients')
      .values({ ...columns(input), preferred_language: language, created_at: at, created_by: ctx.actorId, updated_at: at, updated_by: ctx.actorId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeNameWords(trx, id, input.firstName, input.lastName)
    const created = (await findPatient(trx, id))!
    await recordAudit(trx, ctx, { action: 'create', entity: 'patient', entityId: id, patientId: id, after: created })
    return created
  })
}

export async function updatePatient(ctx: ServiceContext, input: z.output<typeof PatientUpdateInput>): Promise<Patient> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requirePatient(trx, input.id, ['id'])
    await claimVersion(trx, ctx, 'patients', input.id, input.version)
    await checkFields(trx, ctx, input, input.id)
    await trx
      .updateTable('patients')
      .set({ ...columns(input), updated_at: nowIso(ctx), updated_by: ctx.actorId })
      .where('id', '=', input.id)
      .execute()
    if (before.firstName !== input.firstName || before.lastName !== input.lastName) await writeNameWords(trx, input.id, input.firstName, input.lastName)
    const after = (await findPatient(trx, input.id))!
    await recordAudit(trx, ctx, { action: 'update', entity: 'patient', entityId: input.id, patientId: input.id, before, after })
    return after
  })
}

export async function archivePatient(ctx: ServiceContext, input: { id: number; version: number; archived: boolean }): Promise<Patient> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requirePatient(trx, input.id, ['id'])
    await claimVersion(trx, ctx, 'patients', input.id, input.version)
    const at = nowIso(ctx)
    await trx
      .updateTable('patients')
      .set({ archived_at: input.archived ? (before.archivedAt ?? at) : null, updated_at: at, updated_by: ctx.actorId })
      .where('id', '=', input.id)
      .execute()
    const after = (await findPatient(trx, input.id))!
    await recordAudit(trx, ctx, {
      action: input.archived ? 'archive' : 'restore',
      entity: 'patient',
      entityId: input.id,
      patientId: input.id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    })
    return after
  })
}

export async function getPatient(ctx: ServiceContext, input: { id: number }): Promise<Patient> {
  return requirePatient(ctx.db, input.id, ['id'])
}

const contactOf = (p: Patient): PatientContact => ({
  id: p.id,
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  phone: p.phone,
  email: p.email,
  preferredLanguage: p.preferredLanguage,
  archivedAt: p.archivedAt,
  version: p.version,
})

/** Reception's view of a patient: contact details, never complaints or notes. */
export async function getPatientContact(ctx: ServiceContext, input: { id: number }): Promise<PatientContact> {
  return contactOf(await requirePatient(ctx.db, input.id, ['id']))
}

/** Contact details only (reception's form): complaints and notes stay as they are. */
export async function updatePatientContact(ctx: ServiceContext, input: z.output<typeof PatientContactUpdateInput>): Promise<PatientContact> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = contactOf(await requirePatient(trx, input.id, ['id']))
    await claimVersion(trx, ctx, 'patients', input.id, input.version)
    await checkFields(trx, ctx, input, input.id)
    await trx
      .updateTable('patients')
      .set({ ...contactColumns(input), updated_at: nowIso(ctx), updated_by: ctx.actorId })
      .where('id', '=', input.id)
      .execute()
    if (before.firstName !== input.firstName || before.lastName !== input.lastName) await writeNameWords(trx, input.id, input.firstName, input.lastName)
    const after = contactOf((await findPatient(trx, input.id))!)
    await recordAudit(trx, ctx, { action: 'update', entity: 'patient', entityId: input.id, patientId: input.id, before, after })
    return after
  })
}

/** Upper bound for a prefix range: portable to PostgreSQL and served by a plain index. */
const prefixEnd = (prefix: string) => `${prefix}\uffff`

/** What changes the SQL text of a search; everything else is a bound value. */
interface SearchShape {
  /** Words typed (0 to MAX_NAME_QUERY_WORDS of names.ts); each must be the start of one of the patient's keys. */
  words: number
  dateOfBirth: boolean
  includeArchived: boolean
  sort: z.output<typeof PatientSearchInput>['sort']
}

interface SearchValues {
  /** Each typed word (w0…w3) and the upper bound of its prefix range (e0…e3); '' where fewer were typed. */
  w0: string
  w1: string
  w2: string
  w3: string
  e0: string
  e1: string
  e2: string
  e3: string
  dateOfBirth: string
  limit: number
  offset: number
}

const searchShapeKey = (s: SearchShape) => `${s.words}|${s.dateOfBirth}|${s.includeArchived}|${s.sort}`

function matching(db: Db, v: SearchValues, shape: SearchShape) {
  return db.selectFrom('patients as p').where((eb) => {
    const conds: Expression<SqlBool>[] = []
    // Every typed word is the start of some key of the patient: a range on the primary key of
    // patient_name_words (word_key, patient_id), which holds the ids it answers with.
    for (let i = 0; i < shape.words; i++) {
      const word = v[`w${i}` as 'w0']
      const end = v[`e${i}` as 'e0']
      conds.push(
        eb(
          'p.id',
          'in',
          eb.selectFrom(`patient_name_words as w${i}`).select(`w${i}.patient_id`).where(`w${i}.word_key`, '>=', word).where(`w${i}.word_key`, '<', end),
        ),
      )
    }
    if (shape.dateOfBirth) conds.push(eb('p.date_of_birth', '=', v.dateOfBirth))
    if (!shape.includeArchived) conds.push(eb('p.archived_at', 'is', null))
    return eb.and(conds)
  })
}

const countMatches = compiledOnce(
  (db, v: SearchValues, shape: SearchShape) => matching(db, v, shape).select((eb) => eb.fn.countAll<number>().as('total')),
  searchShapeKey,
)

const pageOfMatches = compiledOnce((db, v: SearchValues, shape: SearchShape) => {
  const q = matching(db, v, shape)
  // Sorted by name, the page is picked on the (covering) name index first, so the per-patient
  // subqueries below run for one page of rows instead of every match of a short prefix.
  const byName = shape.sort === 'name'
  const pageIds = q.select('p.id').orderBy('p.last_name_key').orderBy('p.first_name_key').orderBy('p.id').limit(v.limit).offset(v.offset)
  let rows = (byName ? db.selectFrom('patients as p').where('p.id', 'in', pageIds) : q).select((eb) => [
    'p.id',
    'p.first_name',
    'p.last_name',
    'p.date_of_birth',
    'p.archived_at',
    eb
      .selectFrom('visits as v')
      .select((e) => e.fn.max('v.visit_date').as('d'))
      .whereRef('v.patient_id', '=', 'p.id')
      .where('v.voided_at', 'is', null)
      .as('last_visit_date'),
    eb
      .selectFrom('programs as g')
      .select((e) => e.fn.min('g.review_date').as('d'))
      .whereRef('g.patient_id', '=', 'p.id')
      .where('g.status', '=', 'active')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('visits as rv').select('rv.id').whereRef('rv.program_id', '=', 'g.id').where('rv.kind', '=', 'review').where('rv.voided_at', 'is', null))),
      )
      .as('next_review_date'),
  ])
  // NULLS LAST said outright: PostgreSQL puts them first in a descending order, SQLite last.
  if (shape.sort === 'last_visit') rows = rows.orderBy('last_visit_date', (o) => o.desc().nullsLast())
  if (shape.sort === 'next_review') rows = rows.orderBy(sql`coalesce(next_review_date, '9999-12-31')`)
  rows = rows.orderBy('p.last_name_key').orderBy('p.first_name_key').orderBy('p.id')
  return byName ? rows : rows.limit(v.limit).offset(v.offset)
}, searchShapeKey)

export async function searchPatients(ctx: ServiceContext, input: z.output<typeof PatientSearchInput>): Promise<PatientPage> {
  const words = nameQueryWords(input.query)
  const shape: SearchShape = { words: words.length, dateOfBirth: input.dateOfBirth !== null, includeArchived: input.includeArchived, sort: input.sort }
  const [w0 = '', w1 = '', w2 = '', w3 = ''] = words
  const values: SearchValues = {
    w0,
    w1,
    w2,
    w3,
    e0: prefixEnd(w0),
    e1: prefixEnd(w1),
    e2: prefixEnd(w2),
    e3: prefixEnd(w3),
    dateOfBirth: input.dateOfBirth ?? '',
    limit: input.pageSize,
    offset: input.page * input.pageSize,
  }
  const { total } = await countMatches.executeTakeFirstOrThrow(ctx.db, values, shape)
  const found = await pageOfMatches.execute(ctx.db, values, shape)

  const t = today(ctx)
  return {
    items: found.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      dateOfBirth: r.date_of_birth,
      archived: r.archived_at !== null,
      lastVisitDate: (r.last_visit_date as string | null) ?? null,
      nextReviewDate: (r.next_review_date as string | null) ?? null,
      reviewStatus: reviewStatus((r.next_review_date as string | null) ?? null, t),
    })),
    total: Number(total),
    page: input.page,
    pageSize: input.pageSize,
  }
}
