// Patients: create, correct details, archive, find.
import { sql, type Expression, type SqlBool } from 'kysely'
import type { z } from 'zod'
import { reviewStatus } from '@shared/calc/review'
import { conflict, invalidInput, notFound } from '@shared/domain/errors'
import { nameSearchKey } from '@shared/domain/names'
import {
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

function columns(input: Fields) {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    first_name_key: nameSearchKey(input.firstName),
    last_name_key: nameSearchKey(input.lastName),
    date_of_birth: input.dateOfBirth,
    sex: input.sex,
    phone: input.phone,
    email: input.email,
    complaints_json: JSON.stringify([...new Set(input.complaints)]),
    notes: input.notes,
    // Left out: unchanged on an update; a new patient gets the clinic's language (createPatient).
    ...(input.preferredLanguage !== undefined ? { preferred_language: input.preferredLanguage } : {}),
  }
}

async function checkFields(db: Db, ctx: ServiceContext, input: Fields, exceptId: number | null): Promise<void> {
  const dobIssue = dateOfBirthIssue(input.dateOfBirth, today(ctx))
  if (dobIssue) throw invalidInput([{ path: ['dateOfBirth'], message: dobIssue }])
  let q = db
    .selectFrom('patients')
    .select('id')
    .where('last_name_key', '=', nameSearchKey(input.lastName))
    .where('first_name_key', '=', nameSearchKey(input.firstName))
    .where('date_of_birth', '=', input.dateOfBirth)
  if (exceptId !== null) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw conflict('A patient with this name and date of birth already exists')
}

export async function createPatient(ctx: ServiceContext, input: Fields): Promise<Patient> {
  return ctx.db.transaction().execute(async (trx) => {
    await checkFields(trx, ctx, input, null)
    const at = nowIso(ctx)
    const language = input.preferredLanguage ?? (await trx.selectFrom('clinic_settings').select('language').where('id', '=', 1).executeTakeFirstOrThrow()).language
    const { id } = await trx
      .insertInto('patients')
      .values({ ...columns(input), preferred_language: language, created_at: at, created_by: ctx.actorId, updated_at: at, updated_by: ctx.actorId })
      .returning('id')
      .executeTakeFirstOrThrow()
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

/** Upper bound for a prefix range: portable to PostgreSQL and served by a plain index. */
const prefixEnd = (prefix: string) => `${prefix}\uffff`

/** What changes the SQL text of a search; everything else is a bound value. */
interface SearchShape {
  tokens: number
  dateOfBirth: boolean
  includeArchived: boolean
  sort: z.output<typeof PatientSearchInput>['sort']
}

interface SearchValues {
  /** First and second name token, each with the upper bound of its prefix range. */
  a: string
  aEnd: string
  b: string
  bEnd: string
  dateOfBirth: string
  limit: number
  offset: number
}

const searchShapeKey = (s: SearchShape) => `${s.tokens}|${s.dateOfBirth}|${s.includeArchived}|${s.sort}`

function matching(db: Db, v: SearchValues, shape: SearchShape) {
  return db.selectFrom('patients as p').where((eb) => {
    const conds: Expression<SqlBool>[] = []
    const prefix = (col: 'p.last_name_key' | 'p.first_name_key', t: string, end: string) => eb.and([eb(col, '>=', t), eb(col, '<', end)])
    if (shape.tokens === 1) {
      conds.push(eb.or([prefix('p.last_name_key', v.a, v.aEnd), prefix('p.first_name_key', v.a, v.aEnd)]))
    } else if (shape.tokens === 2) {
      conds.push(
        eb.or([
          eb.and([prefix('p.last_name_key', v.a, v.aEnd), prefix('p.first_name_key', v.b, v.bEnd)]),
          eb.and([prefix('p.first_name_key', v.a, v.aEnd), prefix('p.last_name_key', v.b, v.bEnd)]),
        ]),
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
      .as('last_visit_date'),
    eb
      .selectFrom('programs as g')
      .select((e) => e.fn.min('g.review_date').as('d'))
      .whereRef('g.patient_id', '=', 'p.id')
      .where('g.status', '=', 'active')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('visits as rv').select('rv.id').whereRef('rv.program_id', '=', 'g.id').where('rv.kind', '=', 'review'))),
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
  const tokens = nameSearchKey(input.query).split(/\s+/).filter(Boolean).slice(0, 2)
  const shape: SearchShape = { tokens: tokens.length, dateOfBirth: input.dateOfBirth !== null, includeArchived: input.includeArchived, sort: input.sort }
  const [a = '', b = ''] = tokens
  const values: SearchValues = {
    a,
    aEnd: prefixEnd(a),
    b,
    bEnd: prefixEnd(b),
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
