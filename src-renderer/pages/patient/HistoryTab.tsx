// History: the patient's audit trail in plain words, newest first.
import { useEffect, useState } from 'react'
import { Alert, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import type { AuditEntry } from '@shared/domain/audit'
import { VISIT_KIND_LABELS, type VisitKind } from '@shared/domain/visit'
import { api } from '../../api'
import { changedFields } from '../../lib/changes'
import { formatDate, formatDateTime } from '../../lib/format'
import { plainMessage } from '../../lib/issues'

const ENTITY_WORDS: Record<AuditEntry['entity'], string> = {
  patient: 'patient details',
  visit: 'visit',
  program: 'program',
  exercise: 'exercise',
  therapist: 'therapist',
  settings: 'clinic settings',
}
const ACTION_WORDS: Record<AuditEntry['action'], string> = {
  create: 'added',
  update: 'changed',
  correct: 'corrected',
  archive: 'archived',
  restore: 'restored',
  end: 'ended',
  delete: 'deleted',
  erase: 'erased',
}

function subject(e: AuditEntry): string {
  const record = (e.after ?? e.before) as Record<string, unknown> | null
  if (e.entity === 'visit' && record && typeof record.visitDate === 'string') {
    const kind = VISIT_KIND_LABELS[record.kind as VisitKind] ?? 'visit'
    return `the ${kind.toLowerCase()} visit of ${formatDate(record.visitDate)}`
  }
  if (e.entity === 'program' && record && typeof record.name === 'string') return `the program “${record.name}”`
  if (e.entity === 'patient' && e.action !== 'update') return 'the patient'
  return `the ${ENTITY_WORDS[e.entity]}`
}

/** "Anna Kowalska corrected the follow-up visit of 3 Mar 2026." */
export function describeAudit(e: AuditEntry): string {
  const who = e.therapistName ?? 'Someone (no therapist chosen)'
  return `${who} ${ACTION_WORDS[e.action]} ${subject(e)}.`
}

export function HistoryTab({ patientId }: { patientId: number }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.audit.forPatient({ patientId }).then(setEntries, (e: unknown) => setError(plainMessage(e)))
  }, [patientId])
  if (error) return <Alert color="red">{error}</Alert>
  if (!entries) return <Loader size="sm" aria-label="Loading history" />
  if (entries.length === 0) return <Text>Nothing has been recorded for this patient yet.</Text>
  return (
    <Stack>
      {entries.map((e) => {
        const changes = e.action === 'create' ? [] : changedFields(e.before, e.after)
        return (
          <Paper key={e.id} withBorder p="sm">
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)}
            </Text>
            <Text style={{ overflowWrap: 'anywhere' }}>{describeAudit(e)}</Text>
            {e.reason && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>Reason: {e.reason}</Text>}
            {changes.length > 0 && (
              <Table mt="xs" aria-label="What changed">
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.label}>
                      <Table.Td w="30%">{c.label}</Table.Td>
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
