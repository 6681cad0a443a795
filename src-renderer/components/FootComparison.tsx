// Baseline against the latest visit for one foot: the numbers a therapist reads out to the patient.
import { Stack, Table, Text, Title } from '@mantine/core'
import type { CompareRow } from '@shared/calc/compare'
import { useT } from '../i18n'
import { changeText, mm, ratio3, signedRatio } from '../lib/format'
import { compareRowLabel, compareRowNote } from '../lib/labels'
import { WithinErrorBadge } from './WithinErrorBadge'

function value(r: CompareRow, v: number | null): string {
  return r.unit === 'mm' ? mm(v) : ratio3(v)
}

export function FootComparison({ title, rows }: { title: string; rows: CompareRow[] }) {
  const t = useT()
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('footComparison.notMeasured')}</Text>
      ) : (
        <Table aria-label={t('footComparison.tableLabel', { title })} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('footComparison.measure')}</Table.Th>
              <Table.Th>{t('footComparison.baseline')}</Table.Th>
              <Table.Th>{t('footComparison.latest')}</Table.Th>
              <Table.Th>{t('footComparison.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{compareRowLabel(r)}</Table.Td>
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
                    (compareRowNote(r) ?? '—')
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
