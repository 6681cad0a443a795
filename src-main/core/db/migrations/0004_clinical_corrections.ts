// Migration 0004 (frozen once shipped): CLINICAL.md's corrected thresholds and minimalist-shoe texts.
// Untouched old defaults move to the new ones; thresholds a clinic chose stay as they are.
import type { Kysely, Migration } from 'kysely'
import { decimalType } from './dialect'

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */

/** Old default (0001) → new default (CLINICAL.md), per settings column and its name in the audit trail. */
const THRESHOLDS = [
  { column: 'smc_arch_height_mm', field: 'smcArchHeightMm', old: 2, next: 3 },
  { column: 'smc_foot_length_mm', field: 'smcFootLengthMm', old: 2, next: 2 },
  { column: 'smc_navicular_drop_mm', field: 'smcNavicularDropMm', old: 2, next: 4 },
] as const

const BAREFOOT = {
  purpose: 'Lets the foot muscles work in daily life, step by step: walking first, running only months later.',
  steps: [
    'Start by walking barefoot at home for the minutes given, every day.',
    'When that is easy, wear minimalist shoes for everyday walking, a little more each week (about 2,500 steps a day at first, working up to about 7,000).',
    'Running comes last, and only when your therapist says so: begin with short runs that are a small part of your weekly running.',
    'Changing over to running in minimalist shoes takes at least 3–4 months. Go slowly even when it feels easy: bones adapt more slowly than muscles.',
  ],
  mistakes: [
    'Changing everything at once: the foot and its bones need months to adapt.',
    'Running in minimalist shoes before walking in them is easy.',
    'Carrying on through pain.',
  ],
  // Four stages as before, so a program's current stage keeps its meaning.
  stages: [
    'Barefoot walking at home, 10–15 minutes a day',
    'Minimalist shoes for everyday walking',
    'Short runs in minimalist shoes, only when your therapist allows it (a small part of your weekly running)',
    'More running in minimalist shoes, step by step over at least 3–4 months',
  ],
  safety:
    'Stop and call the clinic if you feel pain on the top of the midfoot (it can be a bone stress injury), or heel or Achilles pain that is still there the next day.',
}

const SHORT_FOOT_STAGES = [
  'Sitting',
  'Standing on both feet',
  'Standing on one foot',
  'With a small knee bend or heel raise, then functional tasks (single-leg squat, step-down)',
]

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null
  try {
    const v: unknown = JSON.parse(json)
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export const m0004_clinical_corrections: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('clinic_settings')
      .addColumn('smc_arch_height_index', decimalType(db), (c) => c.notNull().defaultTo(0.025))
      .execute()

    // "Untouched" = still the old default AND never changed through Settings. Every save of the
    // settings form writes an audit row with the values before and after; a threshold that
    // differs between the two was chosen by the clinic, even if it was later set back to 2 mm.
    // The settings row's updated_at cannot tell: saving the clinic name resubmits every threshold.
    const settings = await db.selectFrom('clinic_settings').selectAll().where('id', '=', 1).executeTakeFirst()
    if (settings) {
      const audits = await db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity', '=', 'settings').execute()
      const chosen = new Set<string>()
      for (const a of audits) {
        const before = parse(a.before_json)
        const after = parse(a.after_json)
        for (const t of THRESHOLDS) if (before && after && before[t.field] !== after[t.field]) chosen.add(t.field)
      }
      const update: Record<string, number> = {}
      for (const t of THRESHOLDS) {
        if (Number(settings[t.column]) === t.old && !chosen.has(t.field) && t.old !== t.next) update[t.column] = t.next
      }
      if (Object.keys(update).length > 0) await db.updateTable('clinic_settings').set(update).where('id', '=', 1).execute()
    }

    await db
      .updateTable('exercises')
      .set({
        purpose: BAREFOOT.purpose,
        steps_json: JSON.stringify(BAREFOOT.steps),
        mistakes_json: JSON.stringify(BAREFOOT.mistakes),
        stages_json: JSON.stringify(BAREFOOT.stages),
        safety: BAREFOOT.safety,
      })
      .where('slug', '=', 'barefoot-transition')
      .where('builtin', '=', 1)
      .execute()
    await db
      .updateTable('exercises')
      .set({ stages_json: JSON.stringify(SHORT_FOOT_STAGES) })
      .where('slug', '=', 'short-foot')
      .where('builtin', '=', 1)
      .execute()
  },
}
