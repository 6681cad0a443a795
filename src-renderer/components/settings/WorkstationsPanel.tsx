// Settings → "Workstations connected now": every running Footcore that reached the clinic database
// in the last 30 seconds, so an administrator knows who is working before restarting the server.
import { useEffect, useState } from 'react'
import { Badge, Stack, Table, Text, Title } from '@mantine/core'
import type { Workstation } from '@shared/domain/changes'
import { api } from '../../api'
import { useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { useSession } from '../../session'

const REFRESH_MS = 10_000

export function WorkstationsPanel() {
  const t = useT()
  const [rows, setRows] = useState<Workstation[] | null>(null)
  // Asked again once the session knows who works here, so this computer's row names them.
  const workingId = useSession().therapist?.id ?? null
  useEffect(() => {
    let stopped = false
    const load = () =>
      api.workstations.list({}).then(
        (r) => !stopped && setRows(r),
        () => undefined,
      )
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [workingId])
  if (!rows) return null
  return (
    <Stack gap="xs">
      <Title order={2}>{t('workstations.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('workstations.intro')}
      </Text>
      <Table aria-label={t('workstations.title')} striped maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workstations.computer')}</Table.Th>
            <Table.Th>{t('workstations.who')}</Table.Th>
            <Table.Th>{t('workstations.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((w) => (
            <Table.Tr key={`${w.computerName}-${w.startedAt}`}>
              <Table.Td>
                {w.computerName}{' '}
                {w.thisOne && (
                  <Badge size="sm" variant="light">
                    {t('workstations.thisOne')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{w.therapistName ?? t('workstations.nobody')}</Table.Td>
              <Table.Td>{formatDateTime(w.startedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
