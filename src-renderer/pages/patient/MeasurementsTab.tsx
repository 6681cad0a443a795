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
import { SIDES, VISIT_KIND_LABELS, type FootMeasurement, type Side, type Visit, type VisitKind } from '@shared/domain/visit'
import { VisitForm } from '../../components/VisitForm'
import { VisitHistory } from '../../components/VisitHistory'
import { WithinErrorBadge } from '../../components/WithinErrorBadge'
import { formatDate, mm, ratio3, signedRatio } from '../../lib/format'
import { formatSignedMm } from '@shared/calc/measures'
import { proposedVisitKind } from '@shared/calc/review'
import type { PatientData } from '../../lib/usePatientData'
import { navigate } from '../../router'
import { useSession } from '../../session'

const COLUMNS: { key: CompareRowKey; short: string }[] = [
  { key: 'footLength', short: 'FL' },
  { key: 'archHeight', short: 'AH' },
  { key: 'archHeightIndex', short: 'AHI' },
  { key: 'navicularDrop', short: 'ND' },
]
const SIDE_NAME: Record<Side, string> = { left: 'Left', right: 'Right' }

/** Sentences of this tab, in one place for the catalogues. */
const TEXTS = {
  voidTitle: 'Void this visit',
  voidExplain: 'A voided visit is hidden from the tables, charts and reports. It stays in the records with your reason and can be restored.',
  voidReason: 'Reason for voiding',
  voidReasonHint: 'For example: entered for the wrong patient, or entered twice',
  voidButton: 'Void visit',
  keepButton: 'Keep visit',
  voided: (date: string) => `Visit of ${date} voided; it can be restored under Voided visits`,
  restored: (date: string) => `Visit of ${date} restored`,
  voidedTitle: 'Voided visits',
  voidedLine: (by: string, at: string, reason: string) => `Voided by ${by} on ${at}: ${reason}`,
  someone: 'someone',
}

// The visit column and the actions stay in view while the measurements scroll sideways.
const stickyLeft = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const
const stickyRight = { position: 'sticky', right: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const

function VoidVisitModal({ visit, onClose, onDone }: { visit: Visit | null; onClose(): void; onDone(v: Visit): void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
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
    <Modal opened={visit !== null} onClose={onClose} title={TEXTS.voidTitle}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{TEXTS.voidExplain}</Text>
          <TextInput label={TEXTS.voidReason} description={TEXTS.voidReasonHint} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {TEXTS.keepButton}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              {TEXTS.voidButton}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function Cell({ row, isBaseline }: { row: CompareRow | undefined; isBaseline: boolean }) {
  if (!row || row.latest === null) return <Table.Td>—</Table.Td>
  const value = row.unit === 'mm' ? mm(row.latest) : ratio3(row.latest)
  return (
    <Table.Td>
      <Stack gap={2} align="flex-start">
        <span>{value}</span>
        {!isBaseline && row.change && (
          <>
            <Text size="xs" title={`${row.change.percent ?? '—'} % since baseline`}>
              {formatSignedMm(row.change.deltaMm)}
            </Text>
            {row.change.withinError && <WithinErrorBadge />}
          </>
        )}
        {!isBaseline && row.ratio && (
          <>
            <Text size="xs">{signedRatio(row.ratio.delta)}</Text>
            {row.ratio.withinError && <WithinErrorBadge />}
          </>
        )}
        {!isBaseline && row.note && <Text size="xs">{row.note}</Text>}
      </Stack>
    </Table.Td>
  )
}

function chartData(visits: Visit[], pick: (v: Visit, side: Side) => number | null) {
  return visits.map((v) => ({ date: formatDate(v.visitDate), Left: pick(v, 'left'), Right: pick(v, 'right') }))
}

export function MeasurementsTab({ data, presetKind }: { data: PatientData; presetKind: VisitKind | null }) {
  const { settings } = useSession()
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
      announce(TEXTS.restored(formatDate(v.visitDate)))
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
          Record a visit
        </Title>
        {patient.archivedAt ? (
          <Text>This patient is archived. Restore the patient (Edit details) to record visits.</Text>
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
          Visits
        </Title>
        {visits.length === 0 ? (
          <Text>No visits yet. Record the baseline visit above; later visits are compared with it.</Text>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table aria-label="Visits" layout="fixed" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170} style={stickyLeft}>
                    Visit
                  </Table.Th>
                  {SIDES.flatMap((s) => COLUMNS.map((c) => <Table.Th key={`${s}-${c.key}`}>{`${SIDE_NAME[s]} ${c.short}`}</Table.Th>))}
                  <Table.Th w={110} style={stickyRight}>
                    <VisuallyHidden>Actions</VisuallyHidden>
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
                        <Text size="sm">{VISIT_KIND_LABELS[v.kind]}</Text>
                        <Text size="xs" c="dimmed" truncate="end" title={v.therapistName}>
                          {v.therapistName}
                        </Text>
                        {v.corrected && (
                          <Badge size="xs" color="orange.2" variant="filled" autoContrast style={{ textTransform: 'none' }}>
                            corrected
                          </Badge>
                        )}
                      </Table.Td>
                      {SIDES.flatMap((s) => {
                        const rows = compareFoot(base ? footOf(base, s) : null, footOf(v, s), thresholds)
                        return COLUMNS.map((c) => <Cell key={`${s}-${c.key}`} row={rows.find((r) => r.key === c.key)} isBaseline={isBaseline} />)
                      })}
                      <Table.Td style={stickyRight}>
                        <Stack gap={4}>
                          <Button size="compact-xs" variant="default" onClick={() => setCorrecting(v)} aria-label={`Correct visit of ${formatDate(v.visitDate)}`}>
                            Correct
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setHistoryOf(v)} aria-label={`History of visit of ${formatDate(v.visitDate)}`}>
                            History
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(v)} aria-label={`Void visit of ${formatDate(v.visitDate)}`}>
                            Void
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
          FL foot length · AH arch height · AHI arch height index · ND navicular drop. Under each value: change since baseline.
        </Text>
      </Paper>

      {data.voidedVisits.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm" id="voided-visits-title">
            {TEXTS.voidedTitle}
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
                    {formatDate(v.visitDate)} · {VISIT_KIND_LABELS[v.kind]}
                  </b>{' '}
                  — {TEXTS.voidedLine(v.voided?.byName ?? TEXTS.someone, formatDate(v.voided?.at ?? null), v.voided?.reason ?? '')}
                </Text>
                <Button size="compact-sm" variant="default" onClick={() => void restore(v)} aria-label={`Restore visit of ${formatDate(v.visitDate)}`}>
                  Restore
                </Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}

      {visits.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <MeasureChart id="chart-arch" title="Arch height over time (mm)" visits={visits} value={(f) => f?.archHeightMm ?? null} minSpan={4 * thresholds.smcArchHeightMm} />
          <MeasureChart id="chart-length" title="Foot length over time (mm)" visits={visits} value={(f) => f?.footLengthMm ?? null} minSpan={4 * thresholds.smcFootLengthMm} />
        </SimpleGrid>
      )}
      <VoidVisitModal
        visit={voiding}
        onClose={() => setVoiding(null)}
        onDone={(v) => {
          setVoiding(null)
          void reload().then(() => focusById('visits-title'))
          announce(TEXTS.voided(formatDate(v.visitDate)))
        }}
      />

      <Modal opened={correcting !== null} onClose={() => setCorrecting(null)} title="Correct this visit" size="xl" closeButtonProps={{ 'aria-label': 'Close without saving' }}>
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
      <Modal opened={historyOf !== null} onClose={() => setHistoryOf(null)} title="History of this visit" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
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
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      <LineChart
        h={220}
        aria-labelledby={id}
        data={chartData(visits, (v, s) => value(footOf(v, s)))}
        dataKey="date"
        series={[
          { name: 'Left', color: 'blue.7' },
          { name: 'Right', color: 'orange.8' },
        ]}
        withLegend
        connectNulls
        yAxisProps={{ domain: axisDomain(minSpan) }}
        valueFormatter={(n) => n.toFixed(1)}
      />
    </Paper>
  )
}
