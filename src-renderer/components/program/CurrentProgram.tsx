// The patient's active program as the therapist reads it: week, dates, each exercise's dosage.
import type { ReactNode } from 'react'
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { localToday } from '@shared/calc/dates'
import { programProgress } from '@shared/calc/review'
import type { Program } from '@shared/domain/program'
import { dosageSentence } from '@shared/exercises/dosage'
import { useScreenLanguage, useT, t } from '../../i18n'
import { plannedNextText } from '../../lib/labels'
import { formatDate, type StageNamer } from './programDraft'

/** "Week 6 of 16", when it starts, or, past the review date, whether the review is overdue. */
export function weekLabel(program: Program, today: string = localToday()): string {
  const p = programProgress(program, today)
  switch (p.kind) {
    case 'not_started':
      return t('program.week.notStarted', { date: formatDate(program.startDate) })
    case 'week':
      return t('program.week.week', { week: p.week, of: p.of })
    case 'review_due_today':
      return t('program.week.dueToday')
    case 'review_overdue':
      return t('program.week.overdue', { date: formatDate(program.reviewDate) })
    case 'review_recorded':
      return t('program.week.recorded', { date: formatDate(p.on) })
  }
}

interface Props {
  program: Program
  stageName: StageNamer
  /** Buttons beside the title (change, end, print handout). */
  actions: ReactNode
}

export function CurrentProgram({ program, stageName, actions }: Props) {
  const t = useT()
  const language = useScreenLanguage()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="current-program-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 18rem' }}>
            <Group gap="sm" wrap="wrap">
              <Title order={2} size="h3" id="current-program-title" style={{ overflowWrap: 'anywhere' }}>
                {program.name}
              </Title>
              <Badge size="lg" variant="light" data-testid="program-week">
                {weekLabel(program)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('program.current.meta', { start: formatDate(program.startDate), review: formatDate(program.reviewDate), therapist: program.therapistName })}
            </Text>
          </Stack>
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        </Group>
        <Stack component="ol" gap="sm" m={0} pl="lg" aria-label={t('program.current.exercises')}>
          {program.items.map((item) => (
            <li key={item.id} data-testid="current-program-item">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.exerciseName}
                </Text>
                <Badge variant="outline" color="gray" tt="none" style={{ maxWidth: '100%' }}>
                  {stageName(item.exerciseId, item.stage)}
                </Badge>
              </Group>
              <Text size="sm">{dosageSentence(item, language)}</Text>
              {item.plannedWeeks !== null && (
                <Text size="sm" c="dimmed" data-testid="plan-next">
                  {plannedNextText({ stage: item.stage, plannedWeeks: item.plannedWeeks, shiftWeeks: item.planShiftWeeks }, item.stages)}
                </Text>
              )}
              {item.notes !== '' && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {item.notes}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  )
}
