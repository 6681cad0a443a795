// Clinic settings: one row, read by nearly every screen and printout.
import type { z } from 'zod'
import type { Settings, SettingsUpdateInput } from '@shared/domain/settings'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/i18n/languages'
import { compiledOnce } from '../db/compiled-once'
import { recordAudit } from './audit'
import { claimVersion } from './versions'
import { nowIso, type Db, type ServiceContext } from './context'

const settingsRow = compiledOnce((db) => db.selectFrom('clinic_settings').selectAll().where('id', '=', 1))

export async function readSettings(db: Db): Promise<Settings> {
  const r = await settingsRow.executeTakeFirstOrThrow(db, {})
  return {
    clinicName: r.clinic_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    logoDataUrl: r.logo_data_url,
    pageSize: r.page_size,
    archHeightMethod: r.arch_height_method,
    smcArchHeightMm: r.smc_arch_height_mm,
    smcFootLengthMm: r.smc_foot_length_mm,
    smcNavicularDropMm: r.smc_navicular_drop_mm,
    smcArchHeightIndex: r.smc_arch_height_index,
    reviewIntervalWeeks: r.review_interval_weeks,
    lockAfterMinutes: r.lock_after_minutes,
    language: isLanguage(r.language) ? r.language : DEFAULT_LANGUAGE,
    version: r.version,
  }
}

export async function getSettings(ctx: ServiceContext): Promise<Settings> {
  return readSettings(ctx.db)
}

export async function updateSettings(ctx: ServiceContext, input: z.output<typeof SettingsUpdateInput>): Promise<Settings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx)
    await claimVersion(trx, ctx, 'clinic_settings', 1, input.version)
    await trx
      .updateTable('clinic_settings')
      .set({
        clinic_name: input.clinicName,
        address: input.address,
        phone: input.phone,
        email: input.email,
        logo_data_url: input.logoDataUrl,
        page_size: input.pageSize,
        arch_height_method: input.archHeightMethod,
        smc_arch_height_mm: input.smcArchHeightMm,
        smc_foot_length_mm: input.smcFootLengthMm,
        smc_navicular_drop_mm: input.smcNavicularDropMm,
        smc_arch_height_index: input.smcArchHeightIndex,
        review_interval_weeks: input.reviewIntervalWeeks,
        lock_after_minutes: input.lockAfterMinutes ?? before.lockAfterMinutes,
        ...(input.language !== undefined ? { language: input.language } : {}),
        updated_at: nowIso(ctx),
        updated_by: ctx.actorId,
      })
      .where('id', '=', 1)
      .execute()
    const after = await readSettings(trx)
    // The logo is bulky and not clinical: the trail only says whether it changed.
    const slim = (s: Settings) => ({ ...s, logoDataUrl: s.logoDataUrl === null ? null : `(${s.logoDataUrl.length} bytes)` })
    await recordAudit(trx, ctx, { action: 'update', entity: 'settings', entityId: 1, patientId: null, before: slim(before), after: slim(after) })
    return after
  })
}
