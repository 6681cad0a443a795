// Measurements: record a visit, all visits with change since baseline, charts, corrections with history.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import { api } from '../../api'
import { announce, focusById } from '../../lib/focus'
import { plainMessage } from '../../lib/issues'
import { LineChart } from '@mantine/charts'
import { baselineFor, compareFoot, footOf, type CompareRow, type CompareRowKey } from '@shared/calc/compare'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { SIDES, type FootMeasurement, type Side, type Visit, type VisitKind } from '@shared/domain/visit'
import { VisitForm } from '../../components/VisitForm'
import { VisitHistory } from '../../components/VisitHistory'
import { WithinErrorBadge } from '../../components/WithinErrorBadge'
import { formatDate } from '../../lib/format'
import { useScreenLanguage, useT } from '../../i18n'
import { screenDecimal, screenMm, screenNumber, screenRatio, screenSignedMm, screenSignedRatio } from '../texts'
import { visitKindLabel } from '../../lib/labels'
import { proposedVisitKind } from '@shared/calc/review'
import type { PatientData } from '../../lib/usePatientData'
import { navigate } from '../../router'
import { useSession } from '../../session'

/** The measures shown per foot (the header's short names are in the catalogue). */
const COLUMNS: CompareRowKey[] = ['footLength', 'archHeight', 'archHeightIndex', 'navicularDrop']

// The visit column and the actions stay in view while the measurements scroll sideways.
const stickyLeft = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const
const stickyRight = { position: 'sticky', right: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const

function VoidVisitModal({ visit, onClose, onDone }: { visit: Visit | null; onClose(): void; onDone(v: Visit): void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const t = useT()
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!visit) return
    setSaving(true)
    setError(null)
    try {
      onDone(await api.visits.void({ visitId: visit.id, version: visit.version, reason }))
      setReason('')
    } catch (err) {
      setError(err instanceof ApiError && err.issues.length > 0 ? err.issues.map((i) => i.message).join(' ') : plainMessage(err))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal opened={visit !== null} onClose={onClose} title={t('measurements.void.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('measurements.void.explain')}</Text>
          <TextInput label={t('measurements.void.reason')} description={t('measurements.void.reasonHint')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('measurements.void.keep')}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              {t('measurements.void.button')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function Cell({ row, isBaseline }: { row: CompareRow | undefined; isBaseline: boolean }) {
  const t = useT()
  const language = useScreenLanguage()
  if (!row || row.latest === null) return <Table.Td>—</Table.Td>
  const value = row.unit === 'mm' ? screenMm(t, language, row.latest) : screenRatio(language, row.latest)
  return (
    <Table.Td>
      <Stack gap={2} align="flex-start">
        <span>{value}</span>
        {!isBaseline && row.change && (
          <>
            <Text size="xs" title={t('measurements.sinceBaseline', { percent: row.change.percent === null ? '—' : screenNumber(language, row.change.percent) })}>
              {screenSignedMm(t, language, row.change.deltaMm)}
            </Text>
            {row.change.withinError && <WithinErrorBadge />}
          </>
        )}
        {!isBaseline && row.ratio && (
          <>
            <Text size="xs">{screenSignedRatio(language, row.ratio.delta)}</Text>
            {row.ratio.withinError && <WithinErrorBadge />}
          </>
        )}
        {!isBaseline && row.note && <Text size="xs">{row.note}</Text>}
      </Stack>
    </Table.Td>
  )
}

function chartData(visits: Visit[], pick: (v: Visit, side: Side) => number | null, names: Record<Side, string>) {
  return visits.map((v) => ({ date: formatDate(v.visitDate), [names.left]: pick(v, 'left'), [names.right]: pick(v, 'right') }))
}

export function MeasurementsTab({ data, presetKind }: { data: PatientData; presetKind: VisitKind | null }) {
  const { settings } = useSession()
  const t = useT()
  const { patient, visits, reload } = data
  const [formKey, setFormKey] = useState(0)
  const [correcting, setCorrecting] = useState<Visit | null>(null)
  const [historyOf, setHistoryOf] = useState<Visit | null>(null)
  const [voiding, setVoiding] = useState<Visit | null>(null)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  // After a save the fresh form (a new key) takes the focus in its first field, once it is mounted.
  const focusAfterSave = useRef(presetKind !== null)
  const defaultKindNow: VisitKind = presetKind ?? (visits.length === 0 ? 'baseline' : 'follow_up')
  const visitFormKey = `${formKey}-${defaultKindNow}-${data.program?.id ?? 0}-${data.program?.updatedAt ?? ''}`
  useEffect(() => {
    if (focusAfterSave.current && patient) focusById('visit-visitDate')
  }, [visitFormKey, patient !== null])
  if (!patient) return null
  async function restore(v: Visit) {
    setRestoreError(null)
    try {
      await api.visits.restore({ visitId: v.id, version: v.version })
      await reload()
      announce(t('measurements.restored', { date: formatDate(v.visitDate) }))
      focusById('visits-title')
    } catch (e) {
      setRestoreError(plainMessage(e))
    }
  }
  const thresholds = settings ?? DEFAULT_SETTINGS
  const defaultKind: VisitKind = presetKind ?? (visits.length === 0 ? 'baseline' : 'follow_up')
  const proposeKind = presetKind ? undefined : (visitDate: string) => proposedVisitKind(visits, data.program, visitDate)
  const newestFirst = [...visits].reverse()

  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('measurements.record.title')}
        </Title>
        {patient.archivedAt ? (
          <Text>{t('measurements.archived')}</Text>
        ) : (
          <VisitForm
            // A program assigned or changed while the form is open brings its own fields.
            key={visitFormKey}
            patientId={patient.id}
            mode={{ type: 'record', kind: defaultKind, proposeKind }}
            program={data.program}
            visits={visits}
            onSaved={() => {
              setFormKey((k) => k + 1)
              void reload()
              // The review is recorded: the next visit on this tab is an ordinary one again.
              if (presetKind) navigate(`/patients/${patient.id}/measurements`, { force: true })
              // The next visit starts in the fresh form's first field.
              focusAfterSave.current = true
            }}
          />
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm" id="visits-title">
          {t('measurements.visits.title')}
        </Title>
        {visits.length === 0 ? (
          <Text>{t('measurements.visits.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table aria-label={t('measurements.visits.table')} layout="fixed" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170} style={stickyLeft}>
                    {t('measurements.col.visit')}
                  </Table.Th>
                  {SIDES.flatMap((s) => COLUMNS.map((c) => <Table.Th key={`${s}-${c}`}>{t('measurements.col.measure', { side: s, measure: c })}</Table.Th>))}
                  <Table.Th w={110} style={stickyRight}>
                    <VisuallyHidden>{t('measurements.col.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {newestFirst.map((v) => {
                  const base = baselineFor(visits, v)
                  const isBaseline = base === null || base.id === v.id
                  return (
                    <Table.Tr key={v.id} data-visit-id={v.id}>
                      <Table.Td style={stickyLeft}>
                        <Text size="sm" fw={600}>
                          {formatDate(v.visitDate)}
                        </Text>
                        <Text size="sm">{visitKindLabel(v.kind)}</Text>
                        <Text size="xs" c="dimmed" truncate="end" title={v.therapistName}>
                          {v.therapistName}
                        </Text>
                        {v.corrected && (
                          <Badge size="xs" color="orange.2" variant="filled" autoContrast style={{ textTransform: 'none' }}>
                            {t('measurements.corrected')}
                          </Badge>
                        )}
                      </Table.Td>
                      {SIDES.flatMap((s) => {
                        const rows = compareFoot(base ? footOf(base, s) : null, footOf(v, s), thresholds)
                        return COLUMNS.map((c) => <Cell key={`${s}-${c}`} row={rows.find((r) => r.key === c)} isBaseline={isBaseline} />)
                      })}
                      <Table.Td style={stickyRight}>
                        <Stack gap={4}>
                          <Button size="compact-xs" variant="default" onClick={() => setCorrecting(v)} aria-label={t('measurements.correct.label', { date: formatDate(v.visitDate) })}>
                            {t('measurements.correct')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setHistoryOf(v)} aria-label={t('measurements.history.label', { date: formatDate(v.visitDate) })}>
                            {t('measurements.history')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(v)} aria-label={t('measurements.void.label', { date: formatDate(v.visitDate) })}>
                            {t('measurements.void')}
                          </Button>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('measurements.legend')}
        </Text>
      </Paper>

      {data.voidedVisits.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm" id="voided-visits-title">
            {t('measurements.voided.title')}
          </Title>
          {restoreError && (
            <Alert color="red" role="alert" mb="sm">
              {restoreError}
            </Alert>
          )}
          <Stack gap="xs">
            {data.voidedVisits.map((v) => (
              <Group key={v.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <b>
                    {formatDate(v.visitDate)} · {visitKindLabel(v.kind)}
                  </b>{' '}
                  — {t('measurements.voided.line', { by: v.voided?.byName ?? t('measurements.voided.someone'), at: formatDate(v.voided?.at ?? null), reason: v.voided?.reason ?? '' })}
                </Text>
                <Button size="compact-sm" variant="default" onClick={() => void restore(v)} aria-label={t('measurements.restore.label', { date: formatDate(v.visitDate) })}>
                  {t('measurements.restore')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}

      {visits.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <MeasureChart id="chart-arch" title={t('measurements.chart.arch')} visits={visits} value={(f) => f?.archHeightMm ?? null} minSpan={4 * thresholds.smcArchHeightMm} />
          <MeasureChart id="chart-length" title={t('measurements.chart.length')} visits={visits} value={(f) => f?.footLengthMm ?? null} minSpan={4 * thresholds.smcFootLengthMm} />
        </SimpleGrid>
      )}
      <VoidVisitModal
        visit={voiding}
        onClose={() => setVoiding(null)}
        onDone={(v) => {
          setVoiding(null)
          void reload().then(() => focusById('visits-title'))
          announce(t('measurements.voided', { date: formatDate(v.visitDate) }))
        }}
      />

      <Modal opened={correcting !== null} onClose={() => setCorrecting(null)} title={t('measurements.correct.title')} size="xl" closeButtonProps={{ 'aria-label': t('measurements.correct.close') }}>
        {correcting && (
          <VisitForm
            patientId={patient.id}
            mode={{ type: 'correct', visit: correcting }}
            program={data.program && correcting.visitDate > data.program.startDate ? data.program : null}
            visits={visits}
            onSaved={() => {
              setCorrecting(null)
              void reload()
            }}
            onCancel={() => setCorrecting(null)}
          />
        )}
      </Modal>
      <Modal opened={historyOf !== null} onClose={() => setHistoryOf(null)} title={t('measurements.history.title')} size="lg" closeButtonProps={{ 'aria-label': t('measurements.history.close') }}>
        {historyOf && <VisitHistory patientId={patient.id} visitId={historyOf.id} />}
      </Modal>
    </Stack>
  )
}

/** One measure over all visits, left and right foot. */
/**
 * The y axis spans at least `minSpan` (a few times the smallest meaningful change), so a change
 * within measurement error never fills the whole chart.
 */
export function axisDomain(minSpan: number) {
  return ([lo, hi]: readonly [number, number]): [number, number] => {
    const span = Math.max(hi - lo, minSpan)
    const mid = (lo + hi) / 2
    return [Math.floor(mid - span / 2), Math.ceil(mid + span / 2)]
  }
}

function MeasureChart({ id, title, visits, value, minSpan }: { id: string; title: string; visits: Visit[]; value: (f: FootMeasurement | null) => number | null; minSpan: number }) {
  const t = useT()
  const language = useScreenLanguage()
  const names = { left: t('measurements.chart.left'), right: t('measurements.chart.right') }
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      <LineChart
        h={220}
        aria-labelledby={id}
        data={chartData(visits, (v, s) => value(footOf(v, s)), names)}
        dataKey="date"
        series={[
          { name: names.left, color: 'blue.7' },
          { name: names.right, color: 'orange.8' },
        ]}
        withLegend
        connectNulls
        yAxisProps={{ domain: axisDomain(minSpan) }}
        valueFormatter={(n) => screenDecimal(language, n, 1)}
      />
    </Paper>
  )
}
