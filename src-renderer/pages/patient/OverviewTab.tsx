// Overview: the current program and its week, latest feet against baseline, next review, pain over time.
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import { adherencePeriods, LOW_ADHERENCE_PERCENT } from '@shared/calc/adherence'
import { plannedNext, stageNow } from '@shared/calc/plan'
import { baselineFor, compareFoot } from '@shared/calc/compare'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { SYMPTOM_REGIONS, type Visit } from '@shared/domain/visit'
import { FootComparison } from '../../components/FootComparison'
import { weekLabel } from '../../components/program/CurrentProgram'
import { formatDate } from '../../lib/format'
import type { PatientData } from '../../lib/usePatientData'
import { href } from '../../router'
import { useSession } from '../../session'
import { useT } from '../../i18n'
import { symptomLabel, visitKindLabel } from '../../lib/labels'
import { rich } from '../texts'

/** Days done from the patient's calendar, per period between visits and overall, with a small chart. */
function AdherencePanel({ visits, startDate }: { visits: Visit[]; startDate: string }) {
  const { periods, overall } = adherencePeriods(visits, { startDate })
  const t = useT()
  const series = t('overview.adherence.percent')
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('overview.adherence.title')}
      </Title>
      {overall === null ? (
        <Text>{t('overview.adherence.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Table aria-label={t('overview.adherence.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('overview.adherence.period')}</Table.Th>
                <Table.Th>{t('overview.adherence.daysDone')}</Table.Th>
                <Table.Th>{t('overview.adherence.percent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.map((p) => (
                <Table.Tr key={p.to}>
                  <Table.Td>
                    {formatDate(p.from)} – {formatDate(p.to)}
                  </Table.Td>
                  <Table.Td>{t('overview.adherence.daysOf', { done: p.daysDone, planned: p.daysPlanned })}</Table.Td>
                  <Table.Td>{p.percent} %</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>{t('overview.adherence.overall')}</Table.Td>
                <Table.Td fw={600}>{t('overview.adherence.daysOf', { done: overall.daysDone, planned: overall.daysPlanned })}</Table.Td>
                <Table.Td fw={600} data-testid="adherence-overall">
                  {overall.percent} %
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <div role="img" aria-label={t('overview.adherence.chart', { list: periods.map((p) => `${p.percent ?? 0} %`).join(', ') })}>
            <BarChart
              h={180}
              data={periods.map((p) => ({ period: formatDate(p.to), [series]: p.percent ?? 0 }))}
              dataKey="period"
              series={[{ name: series, color: 'blue.7' }]}
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
  const t = useT()
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
            {t('overview.program.title')}
          </Title>
          {program ? (
            <Stack gap={4}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {program.name}
              </Text>
              <Text data-testid="program-week">{weekLabel(program)}</Text>
              <Text size="sm">{t('overview.program.started', { date: formatDate(program.startDate) })}</Text>
              <Stack component="ul" gap={4} m={0} pl="md" aria-label={t('overview.program.stages')}>
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
              {rich(t, 'overview.program.none', { link: <Anchor href={href(`/patients/${patient.id}/program`)}>{t('overview.program.assignLink')}</Anchor> })}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('overview.review.title')}
          </Title>
          {program?.reviewRecordedOn ? (
            <Text data-testid="next-review">
              {t('overview.review.recorded', { date: formatDate(program.reviewRecordedOn), planned: formatDate(program.reviewDate) })}
            </Text>
          ) : program ? (
            <Stack gap={4}>
              <Text data-testid="next-review">{formatDate(program.reviewDate)}</Text>
              <Anchor href={href(`/patients/${patient.id}/measurements?kind=review`)}>{t('overview.review.record')}</Anchor>
            </Stack>
          ) : (
            <Text>{t('overview.review.none')}</Text>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('overview.latest.title')}
        </Title>
        {latest === null || baseline === null ? (
          <Text>
            {rich(t, 'overview.latest.none', { link: <Anchor href={href(`/patients/${patient.id}/measurements`)}>{t('overview.latest.baselineLink')}</Anchor> })}
          </Text>
        ) : (
          <Stack>
            <Text size="sm">
              {comparedWithItself
                ? t('overview.latest.only', { kind: baseline.kind, date: formatDate(baseline.visitDate) })
                : t('overview.latest.compared', { kind: latest.kind, date: formatDate(latest.visitDate), baseline: formatDate(baseline.visitDate) })}
            </Text>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <FootComparison title={t('overview.leftFoot')} rows={compareFoot(baseline.left, latest.left, thresholds)} />
              <FootComparison title={t('overview.rightFoot')} rows={compareFoot(baseline.right, latest.right, thresholds)} />
            </SimpleGrid>
          </Stack>
        )}
      </Paper>

      {program && <AdherencePanel visits={visits} startDate={program.startDate} />}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('overview.pain.title')}
        </Title>
        {visits.length === 0 ? (
          <Text>{t('overview.pain.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={t('overview.pain.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.pain.visit')}</Table.Th>
                  {SYMPTOM_REGIONS.map((r) => (
                    <Table.Th key={r}>{symptomLabel(r)}</Table.Th>
                  ))}
                  <Table.Th>{t('overview.pain.headacheDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      {formatDate(v.visitDate)} · {visitKindLabel(v.kind)}
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
