// A patient's audit trail in plain words: who changed what and when, with before → after.
import { useEffect, useState } from 'react'
import { Alert, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import type { AuditEntry } from '@shared/domain/audit'
import { stageNow } from '@shared/calc/plan'
import type { ProgramItem } from '@shared/domain/program'
import { VISIT_KIND_LABELS, type VisitKind } from '@shared/domain/visit'
import { api } from '../api'
import { changedFields, type FieldChange } from '../lib/changes'
import { formatDate, formatDateTime } from '../lib/format'
import { plainMessage } from '../lib/issues'

const VERBS: Record<AuditEntry['action'], string> = {
  create: 'added',
  update: 'changed',
  correct: 'corrected',
  void: 'voided',
  archive: 'archived',
  restore: 'restored',
  end: 'ended',
  delete: 'deleted',
  erase: 'erased',
  // A patient's trail never holds these (they name no patient); listed so every action has words.
  sign_in: 'signed in to',
  sign_out: 'signed out of',
  lock: 'locked',
  unlock: 'unlocked',
  sign_in_failed: 'failed to sign in to',
  sign_in_refused: 'was kept waiting at',
  pin_set: 'chose a PIN for',
  pin_reset: 'reset the PIN of',
  role_change: 'changed the role of',
  recovery_used: 'used the recovery code for',
}

const ENTITY_WORDS: Record<AuditEntry['entity'], string> = {
  patient: 'the patient',
  visit: 'a visit',
  program: 'a program',
  exercise: 'an exercise',
  therapist: 'a therapist',
  settings: 'the clinic settings',
  database: 'the clinic records (from a backup)',
  session: 'Footcore',
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

/** What the entry is about: "the review visit of 4 May 2026", "the program “Foot core”". */
function subject(e: AuditEntry): string {
  const record = asRecord(e.after) ?? asRecord(e.before)
  if (e.entity === 'visit' && record && typeof record.visitDate === 'string') {
    const kind = VISIT_KIND_LABELS[record.kind as VisitKind]
    return `the ${kind ? `${kind.toLowerCase()} ` : ''}visit of ${formatDate(record.visitDate)}`
  }
  if (e.entity === 'program' && record && typeof record.name === 'string') return `the program “${record.name}”`
  if (e.entity === 'patient') return e.action === 'update' ? "the patient's details" : 'the patient'
  return ENTITY_WORDS[e.entity]
}

/** One sentence per entry: "Anna Nowak corrected the review visit of 4 May 2026." */
export function auditSentence(e: AuditEntry): string {
  const who = e.therapistName ?? 'Someone (no therapist was chosen)'
  if (e.action === 'erase') return `${who} erased the patient and everything recorded about them.`
  return `${who} ${VERBS[e.action]} ${subject(e)}.`
}

function itemsText(items: unknown): string {
  if (!Array.isArray(items) || items.length === 0) return '—'
  return (items as ProgramItem[])
    .map((i) => {
      const dose = i.sets && i.reps ? ` ${i.sets}×${i.reps}` : i.repsText ? ` ${i.repsText}` : i.minutes ? ` ${i.minutes} min` : ''
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
    return [{ label: `${a.exerciseName}: stage`, before: stageNow(b.stage, a.stages), after: stageNow(a.stage, a.stages) }]
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
    if (b !== a) changes.push({ label: 'Exercises', before: b, after: a })
    changes.push(...stageChanges(before.items, after.items))
  }
  return changes
}

/** Values removed when a patient was erased: the entry says a change happened, not what it was. */
const scrubbed = (e: AuditEntry) => e.before === null && e.after === null && e.action !== 'erase'

export function AuditTrail({ patientId }: { patientId: number }) {
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
  if (!entries) return <Loader size="sm" aria-label="Loading the change history" />
  if (entries.length === 0) return <Text>Nothing has been recorded for this patient yet.</Text>
  return (
    <Stack gap="sm" component="ol" aria-label="Change history" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
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
                Reason: {e.reason}
              </Text>
            )}
            {scrubbed(e) && (
              <Text size="sm" c="dimmed">
                The values were removed when the patient was erased.
              </Text>
            )}
            {changes.length > 0 && (
              <Table mt="xs" aria-label="What changed" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="30%">Field</Table.Th>
                    <Table.Th>Before → after</Table.Th>
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
