// Baseline against the latest visit for one foot: the numbers a therapist reads out to the patient.
import { Stack, Table, Text, Title } from '@mantine/core'
import type { CompareRow } from '@shared/calc/compare'
import { changeText, mm, ratio3, signedRatio } from '../lib/format'
import { WithinErrorBadge } from './WithinErrorBadge'

function value(r: CompareRow, v: number | null): string {
  return r.unit === 'mm' ? mm(v) : ratio3(v)
}

export function FootComparison({ title, rows }: { title: string; rows: CompareRow[] }) {
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">Not measured yet.</Text>
      ) : (
        <Table aria-label={`${title}: change since baseline`} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Measure</Table.Th>
              <Table.Th>Baseline</Table.Th>
              <Table.Th>Latest</Table.Th>
              <Table.Th>Change since baseline</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>{value(r, r.baseline)}</Table.Td>
                <Table.Td>{value(r, r.latest)}</Table.Td>
                <Table.Td>
                  {r.change ? (
                    <Stack gap={2} align="flex-start">
                      <span style={{ whiteSpace: 'nowrap' }}>{changeText(r.change)}</span>
                      {r.change.withinError && <WithinErrorBadge />}
                    </Stack>
                  ) : r.ratio ? (
                    <Stack gap={2} align="flex-start">
                      <span style={{ whiteSpace: 'nowrap' }}>{signedRatio(r.ratio.delta)}</span>
                      {r.ratio.withinError && <WithinErrorBadge />}
                    </Stack>
                  ) : (
                    (r.note ?? '—')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
