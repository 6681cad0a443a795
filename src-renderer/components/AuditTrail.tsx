// A patient's audit trail in plain words: who changed what and when, with before → after.
import { useEffect, useState } from 'react'
import { Alert, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import type { AuditEntry } from '@shared/domain/audit'
import type { ProgramItem } from '@shared/domain/program'
import { VISIT_KINDS } from '@shared/domain/visit'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { api } from '../api'
import { changedFields, type FieldChange } from '../lib/changes'
import { formatDate, formatDateTime } from '../lib/format'
import { plainMessage } from '../lib/issues'
import { stageNowText } from '../lib/labels'
import { t, useT } from '../i18n'

const ACTIONS: Record<AuditEntry['action'], ScreenKey> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  correct: 'audit.action.correct',
  void: 'audit.action.void',
  archive: 'audit.action.archive',
  restore: 'audit.action.restore',
  end: 'audit.action.end',
  delete: 'audit.action.delete',
  erase: 'audit.action.erase',
  // A patient's trail never holds these (they name no patient); listed so every action has words.
  sign_in: 'audit.action.sign_in',
  sign_out: 'audit.action.sign_out',
  lock: 'audit.action.lock',
  unlock: 'audit.action.unlock',
  sign_in_failed: 'audit.action.sign_in_failed',
  sign_in_refused: 'audit.action.sign_in_refused',
  pin_set: 'audit.action.pin_set',
  pin_reset: 'audit.action.pin_reset',
  role_change: 'audit.action.role_change',
  recovery_used: 'audit.action.recovery_used',
}

const ENTITY_WORDS: Record<AuditEntry['entity'], ScreenKey> = {
  patient: 'audit.entity.patient',
  visit: 'audit.entity.visit',
  program: 'audit.entity.program',
  exercise: 'audit.entity.exercise',
  therapist: 'audit.entity.therapist',
  settings: 'audit.entity.settings',
  database: 'audit.entity.database',
  session: 'audit.entity.session',
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

/** What the entry is about: "the review visit of 4 May 2026", "the program “Foot core”". */
function subject(e: AuditEntry): string {
  const record = asRecord(e.after) ?? asRecord(e.before)
  if (e.entity === 'visit' && record && typeof record.visitDate === 'string') {
    const kind = typeof record.kind === 'string' && (VISIT_KINDS as readonly string[]).includes(record.kind) ? record.kind : 'other'
    return t('audit.subject.visit', { kind, date: formatDate(record.visitDate) })
  }
  if (e.entity === 'program' && record && typeof record.name === 'string') return t('audit.subject.program', { name: record.name })
  if (e.entity === 'patient') return e.action === 'update' ? t('audit.subject.patientDetails') : t('audit.entity.patient')
  return t(ENTITY_WORDS[e.entity])
}

/** One sentence per entry: "Anna Nowak corrected the review visit of 4 May 2026." */
export function auditSentence(e: AuditEntry): string {
  const who = e.therapistName ?? t('audit.someone')
  return t(ACTIONS[e.action], { who, subject: subject(e) })
}

function itemsText(items: unknown): string {
  if (!Array.isArray(items) || items.length === 0) return '—'
  return (items as ProgramItem[])
    .map((i) => {
      const dose = i.sets && i.reps ? ` ${i.sets}×${i.reps}` : i.repsText ? ` ${i.repsText}` : i.minutes ? ` ${t('audit.minutes', { count: i.minutes })}` : ''
      return `${i.exerciseName}${dose}`
    })
    .join(', ')
}

/** A stage moved by a confirmation at a visit or in the editor: "Short-foot exercise stage: Stage 1 of 4: Sitting → Stage 2 of 4: …". */
function stageChanges(before: unknown, after: unknown): FieldChange[] {
  if (!Array.isArray(before) || !Array.isArray(after)) return []
  return (after as ProgramItem[]).flatMap((a) => {
    const b = (before as ProgramItem[]).find((x) => x.exerciseId === a.exerciseId)
    if (!b || b.stage === a.stage || !Array.isArray(a.stages)) return []
    return [{ label: t('audit.stageOf', { exercise: a.exerciseName }), before: stageNowText(b.stage, a.stages), after: stageNowText(a.stage, a.stages) }]
  })
}

/** The changed fields, plus the exercise list of a program when it changed. */
export function auditChanges(e: AuditEntry): FieldChange[] {
  if (e.action === 'create' || e.action === 'erase') return []
  const changes = changedFields(e.before, e.after)
  const before = asRecord(e.before)
  const after = asRecord(e.after)
  if (e.entity === 'program' && before && after && 'items' in before && 'items' in after) {
    const [b, a] = [itemsText(before.items), itemsText(after.items)]
    if (b !== a) changes.push({ label: t('audit.exercises'), before: b, after: a })
    changes.push(...stageChanges(before.items, after.items))
  }
  return changes
}

/** Values removed when a patient was erased: the entry says a change happened, not what it was. */
const scrubbed = (e: AuditEntry) => e.before === null && e.after === null && e.action !== 'erase'

export function AuditTrail({ patientId }: { patientId: number }) {
  const t = useT()
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setEntries(null)
    setError(null)
    api.audit.forPatient({ patientId }).then(
      (list) => live && setEntries(list),
      (e: unknown) => live && setError(plainMessage(e)),
    )
    return () => {
      live = false
    }
  }, [patientId])

  if (error) return <Alert color="red">{error}</Alert>
  if (!entries) return <Loader size="sm" aria-label={t('audit.loading')} />
  if (entries.length === 0) return <Text>{t('audit.empty')}</Text>
  return (
    <Stack gap="sm" component="ol" aria-label={t('audit.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((e) => {
        const changes = auditChanges(e)
        return (
          <Paper key={e.id} withBorder p="sm" component="li">
            <Text size="sm" c="dimmed">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </Text>
            <Text style={{ overflowWrap: 'anywhere' }}>{auditSentence(e)}</Text>
            {e.reason && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('audit.reason', { reason: e.reason })}
              </Text>
            )}
            {scrubbed(e) && (
              <Text size="sm" c="dimmed">
                {t('audit.scrubbed')}
              </Text>
            )}
            {changes.length > 0 && (
              <Table mt="xs" aria-label={t('audit.whatChanged')} layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="30%">{t('conflict.field')}</Table.Th>
                    <Table.Th>{t('audit.beforeAfter')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.label}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.label}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {c.before} → {c.after}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        )
      })}
    </Stack>
  )
}
