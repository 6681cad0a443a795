// Every program a patient had, and what changed in each: who, when, and the dosage before → after.
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import type { ProgramHistoryEntry } from '@shared/domain/program'
import { useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { describeHistoryEntry, formatDate, type StageNamer } from './programDraft'

interface Props {
  history: ProgramHistoryEntry[]
  stageName: StageNamer
}

export function ProgramHistory({ history, stageName }: Props) {
  const t = useT()
  return (
    <Stack gap="sm" component="section" aria-labelledby="program-history-title">
      <Title order={2} size="h3" id="program-history-title">
        {t('program.history.title')}
      </Title>
      {history.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('program.history.none')}
        </Text>
      )}
      {history.map(({ program, changes }) => (
        <Paper key={program.id} withBorder p="md" radius="md" data-testid="program-history-entry">
          <Stack gap="xs">
            <Group gap="sm" wrap="wrap">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {program.name}
              </Text>
              <Badge color={program.status === 'active' ? 'teal' : 'gray'} variant="light">
                {program.status === 'active' ? t('program.history.active') : t('program.history.ended')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {program.endDate
                ? t('program.history.period', { start: formatDate(program.startDate), end: formatDate(program.endDate) })
                : t('program.history.periodReview', { start: formatDate(program.startDate), review: formatDate(program.reviewDate) })}
            </Text>
            <List spacing="xs" size="sm" listStyleType="none" m={0} p={0}>
              {changes.map((entry) => {
                const { title, details } = describeHistoryEntry(entry, stageName)
                return (
                  <List.Item key={entry.id}>
                    <Text size="sm">
                      <Text span fw={600}>
                        {title}
                      </Text>{' '}
                      {t('program.history.when', { when: formatDateTime(entry.at), who: entry.therapistName ?? t('program.history.someone') })}
                    </Text>
                    {details.map((d, i) => (
                      <Text key={i} size="sm" pl="md" style={{ overflowWrap: 'anywhere' }}>
                        {d}
                      </Text>
                    ))}
                  </List.Item>
                )
              })}
            </List>
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
}
