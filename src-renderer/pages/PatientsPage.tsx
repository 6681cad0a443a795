// The patient list: search by name prefix and date of birth, review badges, sort and paging.
import { useEffect, useState } from 'react'
import { Anchor, Button, Checkbox, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { isIsoDate } from '@shared/domain/common'
import { PATIENT_SORTS, type PatientPage } from '@shared/domain/patient'
import { api } from '../api'
import { ReviewBadge } from '../components/ReviewBadge'
import { formatDate, listName } from '../lib/format'
import { notifyError } from '../lib/notify'
import { href } from '../router'
import { useRecordChanges } from '../lib/liveChanges'

type Sort = (typeof PATIENT_SORTS)[number]
const SORT_LABELS: Record<Sort, string> = { name: 'Name', last_visit: 'Last visit (newest first)', next_review: 'Next review (soonest first)' }
const PAGE_SIZE = 50
const CONTROL_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const

export function PatientsPage() {
  const [query, setQuery] = useState('')
  const [debouncedQuery] = useDebouncedValue(query, 150)
  const [dob, setDob] = useState('')
  const [sort, setSort] = useState<Sort>('name')
  const [includeArchived, setIncludeArchived] = useState(false)
  const [page, setPage] = useState(0)
  const [result, setResult] = useState<PatientPage | null>(null)

  const dobFilter = isIsoDate(dob.trim()) ? dob.trim() : null
  const dobIncomplete = dob.trim() !== '' && dobFilter === null

  useEffect(() => setPage(0), [debouncedQuery, dobFilter, sort, includeArchived])
  // Patients, visits and programs changed elsewhere move names, last visits and review badges.
  const [changed, setChanged] = useState(0)
  useRecordChanges(
    (c) => c.entity === 'patient' || c.entity === 'visit' || c.entity === 'program',
    () => setChanged((n) => n + 1),
  )

  useEffect(() => {
    let cancelled = false
    api.patients
      .search({ query: debouncedQuery.slice(0, 100), dateOfBirth: dobFilter, sort, includeArchived, page, pageSize: PAGE_SIZE })
      .then((r) => {
        if (!cancelled) setResult(r)
      })
      .catch((e: unknown) => {
        if (!cancelled) notifyError(e)
      })
    return () => {
      cancelled = true
    }
  }, [debouncedQuery, dobFilter, sort, includeArchived, page, changed])

  const filtered = debouncedQuery.trim() !== '' || dobFilter !== null
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>Patients</Title>
        <Button component="a" href={href('/patients/new')}>
          New patient
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search by name"
          description="First letters of the first or last name"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={280}
          maxLength={100}
          autoFocus
        />
        <TextInput
          label="Date of birth"
          description="YYYY-MM-DD"
          value={dob}
          onChange={(e) => setDob(e.currentTarget.value)}
          error={dobIncomplete ? 'Enter the full date as YYYY-MM-DD' : undefined}
          w={180}
        />
        <Select
          label="Sort by"
          description="Order of the list"
          data={PATIENT_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          value={sort}
          onChange={(v) => v && setSort(v as Sort)}
          allowDeselect={false}
          w={240}
        />
        <Checkbox label="Show archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} mb={8} />
      </Group>

      {result && result.total === 0 && (
        <Paper withBorder p="lg">
          {filtered ? (
            <Text>No patient matches this search. Check the spelling or the date of birth, or add the patient as a new patient.</Text>
          ) : (
            <Text>
              No patients yet. Choose <Anchor href={href('/patients/new')}>New patient</Anchor> to add the first one.
            </Text>
          )}
        </Paper>
      )}

      {result && result.total > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {result.total === 1 ? '1 patient' : `${result.total} patients`}
          </Text>
          <Table aria-label="Patients" striped highlightOnHover layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="36%">Name</Table.Th>
                <Table.Th>Date of birth</Table.Th>
                <Table.Th>Last visit</Table.Th>
                <Table.Th>Next review</Table.Th>
                <Table.Th w={150}>Review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor href={href(`/patients/${p.id}`)} title={listName(p)} display="block" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {listName(p)}
                    </Anchor>
                    {p.archived && (
                      <Text size="xs" c="dimmed">
                        Archived
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
                  <Table.Td>{formatDate(p.lastVisitDate)}</Table.Td>
                  <Table.Td>{formatDate(p.nextReviewDate)}</Table.Td>
                  <Table.Td>
                    <ReviewBadge status={p.reviewStatus} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 && (
            <Pagination total={pages} value={page + 1} onChange={(v) => setPage(v - 1)} getControlProps={(c) => ({ 'aria-label': CONTROL_LABELS[c] })}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })} />
          )}
        </>
      )}
    </Stack>
  )
}
