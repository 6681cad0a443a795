// A visit's history: every correction with who made it, when, why, and each value before → after.
import { useEffect, useState } from 'react'
import { Alert, Loader, Stack, Table, Text } from '@mantine/core'
import type { AuditEntry } from '@shared/domain/audit'
import { api } from '../api'
import { changedFields } from '../lib/changes'
import { formatDateTime } from '../lib/format'
import { plainMessage } from '../lib/issues'
import { useT } from '../i18n'

export function VisitHistory({ patientId, visitId }: { patientId: number; visitId: number }) {
  const t = useT()
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.audit.forPatient({ patientId }).then(
      (all) => setEntries(all.filter((e) => e.entity === 'visit' && e.entityId === visitId)),
      (e: unknown) => setError(plainMessage(e)),
    )
  }, [patientId, visitId])
  if (error) return <Alert color="red">{error}</Alert>
  if (!entries) return <Loader size="sm" aria-label={t('visitHistory.loading')} />
  return (
    <Stack>
      {[...entries].reverse().map((e) => {
        const who = e.therapistName ?? t('visitHistory.someone')
        if (e.action === 'create') {
          return (
            <Text key={e.id}>
              {t('visitHistory.recorded', { date: formatDateTime(e.at), who })}
            </Text>
          )
        }
        const changes = changedFields(e.before, e.after)
        return (
          <Stack key={e.id} gap={4}>
            <Text>
              {e.reason
                ? t('visitHistory.correctedWithReason', { date: formatDateTime(e.at), who, reason: e.reason })
                : t('visitHistory.corrected', { date: formatDateTime(e.at), who })}
            </Text>
            {changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('visitHistory.noChange')}
              </Text>
            ) : (
              <Table aria-label={t('visitHistory.changesOn', { date: formatDateTime(e.at) })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('conflict.field')}</Table.Th>
                    <Table.Th>{t('visitHistory.before')}</Table.Th>
                    <Table.Th>{t('visitHistory.after')}</Table.Th>
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
