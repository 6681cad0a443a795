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

const WINDOWS = ['7', '14', '30']

function whenText(reviewDate: string, today: string): string {
  const d = daysBetween(today, reviewDate)
  if (d < 0) return `${-d} ${d === -1 ? 'day' : 'days'} overdue`
  if (d === 0) return 'today'
  return `in ${d} ${d === 1 ? 'day' : 'days'}`
}

export function DueReviewsPage() {
  const { may } = useAuth()
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
      <Title order={1}>Due reviews</Title>
      <Stack gap={4}>
        <Text fw={500} size="sm" id="within-label">
          Reviews due within
        </Text>
        <SegmentedControl
          aria-labelledby="within-label"
          value={within}
          onChange={setWithin}
          data={WINDOWS.map((w) => ({ value: w, label: `${w} days` }))}
          w={300}
        />
      </Stack>
      {sorted && sorted.length === 0 && (
        <Paper withBorder p="lg">
          <Text>No reviews are due in the next {within} days and none are overdue. Choose a longer period to look further ahead.</Text>
        </Paper>
      )}
      {sorted && sorted.length > 0 && (
        <Table aria-label="Due reviews" layout="fixed" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">Patient</Table.Th>
              <Table.Th>Review date</Table.Th>
              <Table.Th>Program</Table.Th>
              <Table.Th>Last visit</Table.Th>
              <Table.Th w={190}>Record</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.programId}>
                <Table.Td>
                  <Anchor href={href(`/patients/${r.patientId}`)} title={listName(r)} display="block" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {listName(r)}
                  </Anchor>
                  <Text size="xs">born {formatDate(r.dateOfBirth)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(r.reviewDate)}</Text>
                  <Text size="xs">{whenText(r.reviewDate, today)}</Text>
                  <ReviewBadge status={r.status} />
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.programName}</Table.Td>
                <Table.Td>{formatDate(r.lastVisitDate)}</Table.Td>
                <Table.Td>
                  {may('visits.record') && <Anchor href={href(`/patients/${r.patientId}/measurements?kind=review`)}>Record the review visit</Anchor>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
