// Therapists: the people who enter clinical records.
import type { z } from 'zod'
import type { Therapist, TherapistCreateInput, TherapistUpdateInput } from '@shared/domain/therapist'
import { conflict, notFound } from '@shared/domain/errors'
import type { TherapistsTable } from '../db/schema'
import type { Selectable } from 'kysely'
import { compiledOnce } from '../db/compiled-once'
import { recordAudit } from './audit'
import { nowIso, type Db, type ServiceContext } from './context'
import { claimVersion } from './versions'

const toTherapist = (r: Selectable<TherapistsTable>): Therapist => ({
  id: r.id,
  displayName: r.display_name,
  credentials: r.credentials,
  active: r.active === 1,
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
  if (!t || !t.active) throw notFound('Therapist', field)
  return t
}

export async function listTherapists(ctx: ServiceContext, input: { includeInactive: boolean }): Promise<Therapist[]> {
  let q = ctx.db.selectFrom('therapists').selectAll().orderBy('display_name').orderBy('id')
  if (!input.includeInactive) q = q.where('active', '=', 1)
  return (await q.execute()).map(toTherapist)
}

export async function createTherapist(ctx: ServiceContext, input: z.output<typeof TherapistCreateInput>): Promise<Therapist> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('therapists')
      .values({ display_name: input.displayName, credentials: input.credentials, active: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = (await findTherapist(trx, id))!
    await recordAudit(trx, ctx, { action: 'create', entity: 'therapist', entityId: id, patientId: null, after: created })
    return created
  })
}

export async function updateTherapist(ctx: ServiceContext, input: z.output<typeof TherapistUpdateInput>): Promise<Therapist> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findTherapist(trx, input.id)
    if (!before) throw notFound('Therapist')
    await claimVersion(trx, ctx, 'therapists', input.id, input.version)
    await trx
      .updateTable('therapists')
      .set({ display_name: input.displayName, credentials: input.credentials, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .execute()
    const after = (await findTherapist(trx, input.id))!
    await recordAudit(trx, ctx, { action: 'update', entity: 'therapist', entityId: input.id, patientId: null, before, after })
    return after
  })
}

export async function setTherapistActive(ctx: ServiceContext, input: { id: number; version: number }, active: boolean): Promise<Therapist> {
  // Serializable: two workstations deactivating the last two therapists each see one other active;
  // PostgreSQL refuses one of the two (write skew), SQLite runs write transactions one at a time.
  return ctx.db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const before = await findTherapist(trx, input.id)
    if (!before) throw notFound('Therapist')
    await claimVersion(trx, ctx, 'therapists', input.id, input.version)
    if (!active && before.active) {
      const others = await trx
        .selectFrom('therapists')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('active', '=', 1)
        .where('id', '!=', input.id)
        .executeTakeFirstOrThrow()
      if (Number(others.n) === 0) throw conflict('At least one therapist must stay active')
    }
    await trx
      .updateTable('therapists')
      .set({ active: active ? 1 : 0, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .execute()
    const after = (await findTherapist(trx, input.id))!
    await recordAudit(trx, ctx, {
      action: active ? 'restore' : 'archive',
      entity: 'therapist',
      entityId: input.id,
      patientId: null,
      before,
      after,
    })
    return after
  })
}
