// One exercise in the library: drawing, purpose, steps, mistakes to avoid, stages, default dosage.
import type { ReactNode } from 'react'
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import type { Exercise } from '@shared/domain/exercise'
import { dosageSentence } from '@shared/exercises/dosage'
import { useScreenLanguage, useT } from '../../i18n'
import { ExerciseIllustration } from './ExerciseIllustration'

const wrap = { overflowWrap: 'anywhere' } as const

export function ExerciseCard({ exercise, actions }: { exercise: Exercise; actions?: ReactNode }) {
  const t = useT()
  const language = useScreenLanguage()
  const headingId = `exercise-${exercise.id}-name`
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId} data-testid="exercise-card">
      <Stack gap="sm">
        <Group align="flex-start" gap="md" wrap="nowrap">
          <ExerciseIllustration name={exercise.illustration} exerciseName={exercise.name} size={96} />
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs" wrap="wrap" justify="space-between">
              <Title order={3} size="h4" id={headingId} style={wrap}>
                {exercise.name}
              </Title>
              <Group gap="xs">
                {exercise.builtin ? (
                  <Badge variant="light" color="gray">
                    {t('exercise.builtin')}
                  </Badge>
                ) : (
                  <Badge variant="light" color="teal">
                    {t('exercise.clinicOwn')}
                  </Badge>
                )}
                {actions}
              </Group>
            </Group>
            {exercise.purpose !== '' && (
              <Text size="sm" style={wrap}>
                {exercise.purpose}
              </Text>
            )}
            <Text size="sm" style={wrap}>
              <Text span fw={600}>
                {t('exercise.defaultDosageColon')}
              </Text>{' '}
              {dosageSentence(exercise.dosage, language)}
            </Text>
          </Stack>
        </Group>
        <Section title={t('exercise.steps')}>
          <List type="ordered" size="sm" spacing={2}>
            {exercise.steps.map((s, i) => (
              <List.Item key={i} style={wrap}>
                {s}
              </List.Item>
            ))}
          </List>
        </Section>
        {exercise.mistakes.length > 0 && (
          <Section title={t('exercise.mistakes')}>
            <List size="sm" spacing={2}>
              {exercise.mistakes.map((s, i) => (
                <List.Item key={i} style={wrap}>
                  {s}
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        <Section title={t('exercise.stages')}>
          <List type="ordered" size="sm" spacing={2}>
            {exercise.stages.map((s, i) => (
              <List.Item key={i} style={wrap}>
                {s}
              </List.Item>
            ))}
          </List>
        </Section>
        {exercise.safety !== '' && (
          <Text size="sm" style={wrap}>
            <Text span fw={600}>
              {t('exercise.safetyColon')}
            </Text>{' '}
            {exercise.safety}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} component="h4" m={0}>
        {title}
      </Text>
      {children}
    </Stack>
  )
}
