// Due reviews: patients whose four-month review is within N days or overdue, with a link to record it.
import { useEffect, useState } from 'react'
import { Anchor, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { daysBetween, localToday } from '@shared/calc/dates'
import type { DueReview } from '@shared/domain/review'
import { api } from '../api'
import { useAuth } from '../auth'
import { ReviewBadge } from '../components/ReviewBadge'
import { formatDate, listName } from '../lib/format'
import { notifyError } from '../lib/notify'
import { href } from '../router'
import { useRecordChanges } from '../lib/liveChanges'
import { useT } from '../i18n'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import type { Translate } from '@shared/i18n/translate'

const WINDOWS = ['7', '14', '30']

function whenText(t: Translate<ScreenKey>, reviewDate: string, today: string): string {
  const d = daysBetween(today, reviewDate)
  if (d < 0) return t('reviews.overdue', { count: -d })
  if (d === 0) return t('reviews.today')
  return t('reviews.inDays', { count: d })
}

export function DueReviewsPage() {
  const { may } = useAuth()
  const t = useT()
  const [within, setWithin] = useState('14')
  const [rows, setRows] = useState<DueReview[] | null>(null)
  // A review recorded or a program assigned elsewhere changes the list.
  const [changed, setChanged] = useState(0)
  useRecordChanges(
    (c) => c.entity === 'visit' || c.entity === 'program' || c.entity === 'patient',
    () => setChanged((n) => n + 1),
  )
  useEffect(() => {
    let cancelled = false
    api.reviews.due({ withinDays: Number(within) }).then(
      (r) => !cancelled && setRows(r),
      (e: unknown) => !cancelled && notifyError(e),
    )
    return () => {
      cancelled = true
    }
  }, [within, changed])
  const today = localToday()
  // Overdue first, then soonest.
  const sorted = rows ? [...rows].sort((a, b) => (a.status === b.status ? a.reviewDate.localeCompare(b.reviewDate) : a.status === 'overdue' ? -1 : 1)) : null

  return (
    <Stack maw={1000}>
      <Title order={1}>{t('reviews.title')}</Title>
      <Stack gap={4}>
        <Text fw={500} size="sm" id="within-label">
          {t('reviews.within')}
        </Text>
        <SegmentedControl
          aria-labelledby="within-label"
          value={within}
          onChange={setWithin}
          data={WINDOWS.map((w) => ({ value: w, label: t('reviews.window', { count: Number(w) }) }))}
          w={300}
        />
      </Stack>
      {sorted && sorted.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('reviews.empty', { count: Number(within) })}</Text>
        </Paper>
      )}
      {sorted && sorted.length > 0 && (
        <Table aria-label={t('reviews.table')} layout="fixed" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('reviews.col.patient')}</Table.Th>
              <Table.Th>{t('reviews.col.reviewDate')}</Table.Th>
              <Table.Th>{t('reviews.col.program')}</Table.Th>
              <Table.Th>{t('reviews.col.lastVisit')}</Table.Th>
              <Table.Th w={190}>{t('reviews.col.record')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.programId}>
                <Table.Td>
                  <Anchor href={href(`/patients/${r.patientId}`)} title={listName(r)} display="block" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {listName(r)}
                  </Anchor>
                  <Text size="xs">{t('reviews.born', { date: formatDate(r.dateOfBirth) })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(r.reviewDate)}</Text>
                  <Text size="xs">{whenText(t, r.reviewDate, today)}</Text>
                  <ReviewBadge status={r.status} />
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.programName}</Table.Td>
                <Table.Td>{formatDate(r.lastVisitDate)}</Table.Td>
                <Table.Td>
                  {may('visits.record') && <Anchor href={href(`/patients/${r.patientId}/measurements?kind=review`)}>{t('reviews.record')}</Anchor>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
