// Overview: the current program and its week, latest feet against baseline, next review, pain over time.
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import { adherencePeriods, LOW_ADHERENCE_PERCENT } from '@shared/calc/adherence'
import { plannedNext, stageNow } from '@shared/calc/plan'
import { baselineFor, compareFoot } from '@shared/calc/compare'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { SYMPTOM_LABELS, SYMPTOM_REGIONS, VISIT_KIND_LABELS, type Visit } from '@shared/domain/visit'
import { FootComparison } from '../../components/FootComparison'
import { weekLabel } from '../../components/program/CurrentProgram'
import { formatDate } from '../../lib/format'
import type { PatientData } from '../../lib/usePatientData'
import { href } from '../../router'
import { useSession } from '../../session'

/** Days done from the patient's calendar, per period between visits and overall, with a small chart. */
function AdherencePanel({ visits, startDate }: { visits: Visit[]; startDate: string }) {
  const { periods, overall } = adherencePeriods(visits, { startDate })
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Adherence
      </Title>
      {overall === null ? (
        <Text>Recorded at follow-ups: the planned days done since the last visit, from the patient’s calendar.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Table aria-label="Adherence per period">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Period</Table.Th>
                <Table.Th>Days done</Table.Th>
                <Table.Th>Adherence</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.map((p) => (
                <Table.Tr key={p.to}>
                  <Table.Td>
                    {formatDate(p.from)} – {formatDate(p.to)}
                  </Table.Td>
                  <Table.Td>
                    {p.daysDone} of {p.daysPlanned}
                  </Table.Td>
                  <Table.Td>{p.percent} %</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>Overall</Table.Td>
                <Table.Td fw={600}>
                  {overall.daysDone} of {overall.daysPlanned}
                </Table.Td>
                <Table.Td fw={600} data-testid="adherence-overall">
                  {overall.percent} %
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <div role="img" aria-label={`Adherence per period: ${periods.map((p) => `${p.percent ?? 0} %`).join(', ')}`}>
            <BarChart
              h={180}
              data={periods.map((p) => ({ period: formatDate(p.to), Adherence: p.percent ?? 0 }))}
              dataKey="period"
              series={[{ name: 'Adherence', color: 'blue.7' }]}
              yAxisProps={{ domain: [0, 100] }}
              unit=" %"
              referenceLines={[{ y: LOW_ADHERENCE_PERCENT, label: '50 %', color: 'gray.6' }]}
            />
          </div>
        </SimpleGrid>
      )}
    </Paper>
  )
}

export function OverviewTab({ data }: { data: PatientData }) {
  const { settings } = useSession()
  const { patient, visits, program } = data
  if (!patient) return null
  const latest = visits[visits.length - 1] ?? null
  const baseline = baselineFor(visits)
  const thresholds = settings ?? DEFAULT_SETTINGS
  const comparedWithItself = latest !== null && baseline !== null && latest.id === baseline.id

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Program
          </Title>
          {program ? (
            <Stack gap={4}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {program.name}
              </Text>
              <Text data-testid="program-week">{weekLabel(program)}</Text>
              <Text size="sm">Started {formatDate(program.startDate)}</Text>
              <Stack component="ul" gap={4} m={0} pl="md" aria-label="Stages">
                {program.items.map((item) => {
                  const next = plannedNext({ stage: item.stage, plannedWeeks: item.plannedWeeks, shiftWeeks: item.planShiftWeeks }, item.stages)
                  return (
                    <Text component="li" size="sm" key={item.id} data-testid="program-stage">
                      {item.exerciseName}: {stageNow(item.stage, item.stages)}
                      {next && ` · ${next}`}
                    </Text>
                  )
                })}
              </Stack>
            </Stack>
          ) : (
            <Text>
              No program yet. <Anchor href={href(`/patients/${patient.id}/program`)}>Assign one on the Program tab</Anchor>.
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Next review
          </Title>
          {program?.reviewRecordedOn ? (
            <Text data-testid="next-review">
              Four-month review recorded on {formatDate(program.reviewRecordedOn)} (planned for {formatDate(program.reviewDate)}).
            </Text>
          ) : program ? (
            <Stack gap={4}>
              <Text data-testid="next-review">{formatDate(program.reviewDate)}</Text>
              <Anchor href={href(`/patients/${patient.id}/measurements?kind=review`)}>Record the four-month review</Anchor>
            </Stack>
          ) : (
            <Text>Set when a program is assigned.</Text>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Latest measurements
        </Title>
        {latest === null || baseline === null ? (
          <Text>
            No visits yet. <Anchor href={href(`/patients/${patient.id}/measurements`)}>Record the baseline visit</Anchor> on the Measurements tab.
          </Text>
        ) : (
          <Stack>
            <Text size="sm">
              {comparedWithItself
                ? `Only the ${VISIT_KIND_LABELS[baseline.kind].toLowerCase()} of ${formatDate(baseline.visitDate)} so far.`
                : `${VISIT_KIND_LABELS[latest.kind]} of ${formatDate(latest.visitDate)} compared with the baseline of ${formatDate(baseline.visitDate)}.`}
            </Text>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <FootComparison title="Left foot" rows={compareFoot(baseline.left, latest.left, thresholds)} />
              <FootComparison title="Right foot" rows={compareFoot(baseline.right, latest.right, thresholds)} />
            </SimpleGrid>
          </Stack>
        )}
      </Paper>

      {program && <AdherencePanel visits={visits} startDate={program.startDate} />}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Pain over time (0–10)
        </Title>
        {visits.length === 0 ? (
          <Text>Pain scores appear here after the first visit.</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label="Pain over time">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Visit</Table.Th>
                  {SYMPTOM_REGIONS.map((r) => (
                    <Table.Th key={r}>{SYMPTOM_LABELS[r]}</Table.Th>
                  ))}
                  <Table.Th>Headache days</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      {formatDate(v.visitDate)} · {VISIT_KIND_LABELS[v.kind]}
                    </Table.Td>
                    {SYMPTOM_REGIONS.map((r) => (
                      <Table.Td key={r}>{v.symptoms[r] ?? '—'}</Table.Td>
                    ))}
                    <Table.Td>{v.headacheDays ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  )
}
