// No lost updates: every change names the version of the record it was based on. The version is
// claimed first in the change's transaction (UPDATE … WHERE version = based-on), so of two
// workstations saving the same record at once exactly one wins; the other is told who changed it
// and when, and keeps what was typed.
import { sql } from 'kysely'
import { conflict } from '@shared/domain/errors'
import { localDateOf } from '@shared/calc/dates'
import type { Db, ServiceContext } from './context'

type Versioned = 'patients' | 'visits' | 'programs' | 'clinic_settings' | 'therapists' | 'exercises'

/** The table's record as the sentence names it, and the audit trail's entity for it. */
const RECORDS: Record<Versioned, { noun: string; entity: string }> = {
  patients: { noun: 'this patient', entity: 'patient' },
  visits: { noun: 'this visit', entity: 'visit' },
  programs: { noun: 'this program', entity: 'program' },
  clinic_settings: { noun: 'the clinic settings', entity: 'settings' },
  therapists: { noun: 'this therapist', entity: 'therapist' },
  exercises: { noun: 'this exercise', entity: 'exercise' },
}

/** "10:42" today, "12 Jun at 10:42" another day, in the clinic's local time. */
function whenSaid(at: string, now: Date): string {
  const d = new Date(at)
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  if (localDateOf(at) === localDateOf(now.toISOString())) return `at ${time}`
  return `on ${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} at ${time}`
}

/**
 * Moves `table`'s row `id` from version `basedOn` to the next one, or refuses: the row changed
 * since the page loaded it. Call it at the start of the change, after the row is known to exist.
 */
export async function claimVersion(db: Db, ctx: ServiceContext, table: Versioned, id: number, basedOn: number): Promise<void> {
  const result = await db
    .updateTable(table)
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', basedOn)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 1) return
  const { noun, entity } = RECORDS[table]
  const last = await db
    .selectFrom('audit_log as a')
    .leftJoin('therapists as t', 't.id', 'a.therapist_id')
    .select(['t.display_name', 'a.at'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', id)
    .orderBy('a.id', 'desc')
    .executeTakeFirst()
  const who = last?.display_name ?? 'Someone on another workstation'
  const when = last ? ` ${whenSaid(last.at, ctx.now())}` : ''
  throw conflict(`${who} changed ${noun}${when} while you were editing. Your changes are still in the form; review theirs and save again.`)
}
