// The patient list: search by name prefix and date of birth, review badges, sort and paging.
import { useEffect, useState, type KeyboardEvent } from 'react'
import { Anchor, Button, Checkbox, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { isIsoDate } from '@shared/domain/common'
import { PATIENT_SORTS, type PatientPage } from '@shared/domain/patient'
import { api } from '../api'
import { ReviewBadge } from '../components/ReviewBadge'
import { formatDate, listName } from '../lib/format'
import { notifyError } from '../lib/notify'
import { href, navigate } from '../router'
import { DateField } from '../components/DateField'
import { useRecordChanges } from '../lib/liveChanges'
import { useT } from '../i18n'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { rich } from './texts'

type Sort = (typeof PATIENT_SORTS)[number]
const SORT_LABELS: Record<Sort, ScreenKey> = { name: 'patients.sort.name', last_visit: 'patients.sort.lastVisit', next_review: 'patients.sort.nextReview' }
const PAGE_SIZE = 50

const focusResult = (index: number) => document.querySelector<HTMLElement>(`[data-result-index="${index}"]`)?.focus()

const CONTROL_LABELS = { first: 'patients.page.first', previous: 'patients.page.previous', next: 'patients.page.next', last: 'patients.page.last' } as const satisfies Record<string, ScreenKey>

export function PatientsPage() {
  const [query, setQuery] = useState('')
  const [debouncedQuery] = useDebouncedValue(query, 150)
  const [dob, setDob] = useState('')
  const [sort, setSort] = useState<Sort>('name')
  const [includeArchived, setIncludeArchived] = useState(false)
  const [page, setPage] = useState(0)
  const [result, setResult] = useState<PatientPage | null>(null)
  const t = useT()

  const dobFilter = isIsoDate(dob.trim()) ? dob.trim() : null

  /** Enter in the search box opens the one patient found (asked afresh: the list may still be catching up with the typing); with several, the first result takes the focus. */
  async function openOnEnter() {
    const found = await api.patients.search({ query: query.slice(0, 100), dateOfBirth: dobFilter, includeArchived, pageSize: 2 })
    if (found.total === 1) navigate(`/patients/${found.items[0]!.id}`)
    else if (found.total > 1) focusResult(0)
  }
  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault()
      void openOnEnter().catch(notifyError)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      focusResult(0)
    }
  }
  /** Arrow keys move through the results; ArrowUp from the first goes back to the search box. */
  function onResultKey(e: KeyboardEvent<HTMLAnchorElement>, index: number) {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      focusResult(index + 1)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      if (index === 0) document.getElementById('patient-search')?.focus()
      else focusResult(index - 1)
    }
  }

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
        <Title order={1}>{t('patients.title')}</Title>
        <Button component="a" href={href('/patients/new')}>
          {t('patients.new')}
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          id="patient-search"
          label={t('patients.search')}
          description={t('patients.search.hint')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
          w={280}
          maxLength={100}
          autoFocus
        />
        <DateField label={t('patients.dateOfBirth')} value={dob} onChange={setDob} clearable defaultLevel="decade" w={220} />
        <Select
          label={t('patients.sort')}
          description={t('patients.sort.description')}
          data={PATIENT_SORTS.map((s) => ({ value: s, label: t(SORT_LABELS[s]) }))}
          value={sort}
          onChange={(v) => v && setSort(v as Sort)}
          allowDeselect={false}
          w={240}
        />
        <Checkbox label={t('patients.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} mb={8} />
      </Group>

      {result && result.total === 0 && (
        <Paper withBorder p="lg">
          {filtered ? (
            <Text>{t('patients.noMatch')}</Text>
          ) : (
            <Text>{rich(t, 'patients.none', { link: <Anchor href={href('/patients/new')}>{t('patients.new')}</Anchor> })}</Text>
          )}
        </Paper>
      )}

      {result && result.total > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('patients.count', { count: result.total })}
          </Text>
          <Table aria-label={t('patients.table')} striped highlightOnHover layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="36%">{t('patients.col.name')}</Table.Th>
                <Table.Th>{t('patients.col.dateOfBirth')}</Table.Th>
                <Table.Th>{t('patients.col.lastVisit')}</Table.Th>
                <Table.Th>{t('patients.col.nextReview')}</Table.Th>
                <Table.Th w={150}>{t('patients.col.review')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.map((p, index) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor href={href(`/patients/${p.id}`)} data-result-index={index} onKeyDown={(e: KeyboardEvent<HTMLAnchorElement>) => onResultKey(e, index)} title={listName(p)} display="block" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {listName(p)}
                    </Anchor>
                    {p.archived && (
                      <Text size="xs" c="dimmed">
                        {t('patients.archived')}
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
            <Pagination total={pages} value={page + 1} onChange={(v) => setPage(v - 1)} getControlProps={(c) => ({ 'aria-label': t(CONTROL_LABELS[c]) })}
              getItemProps={(n) => ({ 'aria-label': t('patients.page.number', { page: n }) })} />
          )}
        </>
      )}
    </Stack>
  )
}
