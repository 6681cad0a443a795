// A visit's history: every correction with who made it, when, why, and each value before → after.
import { useEffect, useState } from 'react'
import { Alert, Loader, Stack, Table, Text } from '@mantine/core'
import type { AuditEntry } from '@shared/domain/audit'
import { api } from '../api'
import { changedFields } from '../lib/changes'
import { formatDateTime } from '../lib/format'
import { plainMessage } from '../lib/issues'

export function VisitHistory({ patientId, visitId }: { patientId: number; visitId: number }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.audit.forPatient({ patientId }).then(
      (all) => setEntries(all.filter((e) => e.entity === 'visit' && e.entityId === visitId)),
      (e: unknown) => setError(plainMessage(e)),
    )
  }, [patientId, visitId])
  if (error) return <Alert color="red">{error}</Alert>
  if (!entries) return <Loader size="sm" aria-label="Loading history" />
  return (
    <Stack>
      {[...entries].reverse().map((e) => {
        const who = e.therapistName ?? 'Someone not recorded'
        if (e.action === 'create') {
          return (
            <Text key={e.id}>
              {formatDateTime(e.at)}: recorded by {who}.
            </Text>
          )
        }
        const changes = changedFields(e.before, e.after)
        return (
          <Stack key={e.id} gap={4}>
            <Text>
              {formatDateTime(e.at)}: corrected by {who}
              {e.reason ? ` — reason: “${e.reason}”` : ''}.
            </Text>
            {changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                No values changed.
              </Text>
            ) : (
              <Table aria-label={`Changes on ${formatDateTime(e.at)}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.label}>
                      <Table.Td>{c.label}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.before}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.after}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )
      })}
    </Stack>
  )
}
