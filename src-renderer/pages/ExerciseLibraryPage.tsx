// Exercise library: the built-in foot-core catalog (read-only) and the clinic's own exercises.
import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { Exercise } from '@shared/domain/exercise'
import { api } from '../api'
import { useScreenLanguage, useT } from '../i18n'
import { exerciseForScreens } from '../lib/exerciseTexts'
import { ExerciseCard } from '../components/exercise/ExerciseCard'
import { ExerciseForm } from '../components/exercise/ExerciseForm'
import contrast from '../components/program/contrast.module.css'
import { exerciseToDraft, newExerciseDraft, type ExerciseDraft } from '../components/exercise/exerciseDraft'

interface Editing {
  exercise: Exercise | null
  initial: ExerciseDraft
}

export function ExerciseLibraryPage() {
  const [exercises, setExercises] = useState<Exercise[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const t = useT()
  const language = useScreenLanguage()

  const load = useCallback(async () => {
    try {
      setExercises(await api.exercises.list({}))
      setLoadError(null)
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const builtins = exercises?.filter((e) => e.builtin) ?? []
  const own = exercises?.filter((e) => !e.builtin) ?? []

  return (
    <Stack gap="lg" maw={1200} className={contrast.screen}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('exercises.title')}</Title>
        <Button onClick={() => setEditing({ exercise: null, initial: newExerciseDraft() })}>{t('exercises.new')}</Button>
      </Group>
      {status && (
        <Text role="status" c="teal" fw={600}>
          {status}
        </Text>
      )}
      {loadError && (
        <Alert color="red" title={t('exercises.loadError')} role="alert">
          {loadError}
        </Alert>
      )}
      {!exercises && !loadError && <Loader aria-label={t('exercises.loading')} />}
      {exercises && (
        <>
          <Stack gap="sm" component="section" aria-labelledby="own-exercises-title">
            <Title order={2} id="own-exercises-title">
              {t('exercises.own.title')}
            </Title>
            {own.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('exercises.own.none')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                {own.map((e) => (
                  <ExerciseCard
                    key={e.id}
                    exercise={exerciseForScreens(e, language)}
                    actions={
                      <Button size="xs" variant="default" aria-label={t('exercises.editNamed', { name: exerciseForScreens(e, language).name })}
                        onClick={() => setEditing({ exercise: e, initial: exerciseToDraft(e) })}>
                        {t('exercises.edit')}
                      </Button>
                    }
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="builtin-exercises-title">
            <Title order={2} id="builtin-exercises-title">
              {t('exercises.builtin.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('exercises.builtin.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {builtins.map((e) => (
                <ExerciseCard key={e.id} exercise={exerciseForScreens(e, language)} />
              ))}
            </SimpleGrid>
          </Stack>
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.exercise ? t('exercises.editNamed', { name: editing.exercise.name }) : t('exercises.new')}
        size="xl"
        className={contrast.screen}
        closeOnClickOutside={false}
        closeOnEscape={false}
        withCloseButton={false}
      >
        {editing && (
          <ExerciseForm
            exercise={editing.exercise}
            initial={editing.initial}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null)
              setStatus(t('exercises.saved', { name: saved.name }))
              void load()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}
