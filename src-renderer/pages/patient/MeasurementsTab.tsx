// Measurements: record a visit, all visits with change since baseline, charts, corrections with history.
import { useState } from 'react'
import { Badge, Button, Modal, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
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
  if (!patient) return null
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
            key={`${formKey}-${defaultKind}-${data.program?.id ?? 0}-${data.program?.updatedAt ?? ''}`}
            patientId={patient.id}
            mode={{ type: 'record', kind: defaultKind, proposeKind }}
            program={data.program}
            visits={visits}
            onSaved={() => {
              setFormKey((k) => k + 1)
              void reload()
              // The review is recorded: the next visit on this tab is an ordinary one again.
              if (presetKind) navigate(`/patients/${patient.id}/measurements`, { force: true })
            }}
          />
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Visits
        </Title>
        {visits.length === 0 ? (
          <Text>No visits yet. Record the baseline visit above; later visits are compared with it.</Text>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table aria-label="Visits" layout="fixed" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>Visit</Table.Th>
                  {SIDES.flatMap((s) => COLUMNS.map((c) => <Table.Th key={`${s}-${c.key}`}>{`${SIDE_NAME[s]} ${c.short}`}</Table.Th>))}
                  <Table.Th w={110}>
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
                      <Table.Td>
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
                      <Table.Td>
                        <Stack gap={4}>
                          <Button size="compact-xs" variant="default" onClick={() => setCorrecting(v)} aria-label={`Correct visit of ${formatDate(v.visitDate)}`}>
                            Correct
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setHistoryOf(v)} aria-label={`History of visit of ${formatDate(v.visitDate)}`}>
                            History
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

      {visits.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <MeasureChart id="chart-arch" title="Arch height over time (mm)" visits={visits} value={(f) => f?.archHeightMm ?? null} />
          <MeasureChart id="chart-length" title="Foot length over time (mm)" visits={visits} value={(f) => f?.footLengthMm ?? null} />
        </SimpleGrid>
      )}

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
function MeasureChart({ id, title, visits, value }: { id: string; title: string; visits: Visit[]; value: (f: FootMeasurement | null) => number | null }) {
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
        yAxisProps={{ domain: ['dataMin - 2', 'dataMax + 2'] }}
        valueFormatter={(n) => n.toFixed(1)}
      />
    </Paper>
  )
}
