// Therapists: the people who measure and treat, named on clinical records (users with a clinical
// role; reception signs in but never records a measurement). Users are managed in users.ts.
import type { Therapist } from '@shared/domain/therapist'
import { notFound } from '@shared/domain/errors'
import { CLINICAL_ROLES } from '@shared/domain/user'
import type { TherapistsTable } from '../db/schema'
import type { Selectable } from 'kysely'
import { compiledOnce } from '../db/compiled-once'
import type { Db, ServiceContext } from './context'

const toTherapist = (r: Selectable<TherapistsTable>): Therapist => ({
  id: r.id,
  displayName: r.display_name,
  credentials: r.credentials,
  active: r.active === 1,
  role: r.role,
  version: r.version,
})

const therapistById = compiledOnce((db, p: { id: number }) => db.selectFrom('therapists').selectAll().where('id', '=', p.id))

export async function findTherapist(db: Db, id: number): Promise<Therapist | null> {
  const r = await therapistById.executeTakeFirst(db, { id })
  return r ? toTherapist(r) : null
}

/** The therapist a record is entered by must exist and be active. */
export async function requireActiveTherapist(db: Db, id: number, field: (string | number)[] = ['therapistId']): Promise<Therapist> {
  const t = await findTherapist(db, id)
  if (!t || !t.active || !CLINICAL_ROLES.includes(t.role)) throw notFound('Therapist', field)
  return t
}

export async function listTherapists(ctx: ServiceContext, input: { includeInactive: boolean }): Promise<Therapist[]> {
  let q = ctx.db.selectFrom('therapists').selectAll().where('role', 'in', [...CLINICAL_ROLES]).orderBy('display_name').orderBy('id')
  if (!input.includeInactive) q = q.where('active', '=', 1)
  return (await q.execute()).map(toTherapist)
}
