// The patient's Program tab: current program and its week, assign/change/end, and program history.
import { focusHeading } from '../../lib/focus'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { localToday } from '@shared/calc/dates'
import type { Exercise } from '@shared/domain/exercise'
import type { Patient } from '@shared/domain/patient'
import type { Program, ProgramHistoryEntry } from '@shared/domain/program'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { FOOT_CORE_16_WEEKS } from '@shared/exercises/catalog'
import { api } from '../../api'
import { HandoutLanguageNote, PrintHandoutButton } from '../../components/DocumentButtons'
import { CurrentProgram } from '../../components/program/CurrentProgram'
import { EndProgramModal } from '../../components/program/EndProgramModal'
import { ProgramEditor, type ProgramItemsForApi } from '../../components/program/ProgramEditor'
import { ProgramHistory } from '../../components/program/ProgramHistory'
import { draftFromProgram, draftFromTemplate, emptyDraft, stageNamer, type ProgramDraft } from '../../components/program/programDraft'
import { useSession } from '../../session'
import { useScreenLanguage, useT } from '../../i18n'
import { exerciseForPrograms, programForScreens } from '../../lib/exerciseTexts'
import contrast from '../../components/program/contrast.module.css'

interface Loaded {
  /** Date of the baseline recorded before any program (the new program starts there). */
  baselineDate: string | null
  current: Program | null
  history: ProgramHistoryEntry[]
  exercises: Exercise[]
}

interface Editing {
  mode: 'assign' | 'update'
  initial: ProgramDraft
  /** The program's version when editing started: the page refreshes `current` when others change it. */
  baseVersion?: number
}

export function ProgramTab({ patient, onDirtyChange }: { patient: Patient; onDirtyChange?: (dirty: boolean) => void }) {
  const { therapist, settings } = useSession()
  const reviewIntervalWeeks = (settings ?? DEFAULT_SETTINGS).reviewIntervalWeeks
  const [data, setData] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [ending, setEnding] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const t = useT()
  const language = useScreenLanguage()

  const load = useCallback(async () => {
    try {
      const [current, history, exercises, visits] = await Promise.all([
        api.programs.current({ patientId: patient.id }),
        api.programs.history({ patientId: patient.id }),
        api.exercises.list({}),
        api.visits.list({ patientId: patient.id }),
      ])
      const baselines = visits.filter((v) => v.kind === 'baseline' && v.programId === null).map((v) => v.visitDate)
      // Names, stages and texts of the exercises in the screens' language.
      const shown = exercises.map((e) => exerciseForPrograms(e, language))
      setData({ current: current && programForScreens(current, shown), history, exercises: shown, baselineDate: baselines.length > 0 ? baselines[baselines.length - 1]! : null })
      setLoadError(null)
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e))
    }
  }, [patient.id, language])

  useEffect(() => {
    void load()
  }, [load])

  const stageName = useMemo(() => stageNamer(data?.exercises ?? []), [data])

  if (loadError) {
    return (
      <Alert color="red" title={t('program.loadError')} role="alert">
        {loadError}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => void load()}>
          {t('program.retry')}
        </Button>
      </Alert>
    )
  }
  if (!data) return <Loader aria-label={t('program.loading')} />

  const { current, history, exercises } = data
  // A program starts at its baseline: the baseline's date when one was taken, today otherwise.
  const startDate = data.baselineDate ?? localToday()

  function startTemplate() {
    const { draft } = draftFromTemplate(FOOT_CORE_16_WEEKS, exercises, startDate, reviewIntervalWeeks)
    setStatus(null)
    setEditing({ mode: 'assign', initial: draft })
  }
  function startEmpty() {
    setStatus(null)
    setEditing({ mode: 'assign', initial: emptyDraft(t('program.emptyName'), startDate, reviewIntervalWeeks) })
  }
  function startChange(program: Program) {
    setStatus(null)
    setEditing({ mode: 'update', initial: draftFromProgram(program), baseVersion: program.version })
  }

  async function save(draft: ProgramDraft, items: ProgramItemsForApi) {
    if (editing?.mode === 'update' && current) {
      await api.programs.update({ programId: current.id, version: editing.baseVersion ?? current.version, reviewDate: draft.reviewDate, items, reason: draft.reason })
      setStatus(t('program.changesSaved'))
    } else {
      if (!therapist) throw new Error(t('program.chooseWho'))
      await api.programs.assign({
        patientId: patient.id,
        therapistId: therapist.id,
        name: draft.name,
        startDate: draft.startDate,
        reviewDate: draft.reviewDate === '' ? null : draft.reviewDate,
        items,
      })
      setStatus(t('program.assigned'))
    }
    setEditing(null)
    await load()
    // The next action is on the program now shown: its heading takes the focus, the status is announced.
    focusHeading('current-program-title')
  }

  /** The program as saved now, for the review; later saves are based on its version. */
  async function theirs(): Promise<ProgramDraft | null> {
    if (!current) return null
    const now = await api.programs.current({ patientId: patient.id })
    if (!now || now.id !== current.id) return null
    setEditing((e) => (e ? { ...e, baseVersion: now.version } : e))
    return draftFromProgram(now)
  }

  return (
    <Stack gap="lg" maw={1100} className={contrast.screen}>
      {status && (
        <Text role="status" c="teal" fw={600}>
          {status}
        </Text>
      )}
      {editing ? (
        <ProgramEditor
          key={editing.mode}
          mode={editing.mode}
          initial={editing.initial}
          exercises={exercises}
          reviewIntervalWeeks={reviewIntervalWeeks}
          save={save}
          onCancel={() => setEditing(null)}
          onDirtyChange={onDirtyChange}
          theirs={editing.mode === 'update' ? theirs : undefined}
        />
      ) : current ? (
        <>
          <CurrentProgram
            program={current}
            stageName={stageName}
            actions={
              <>
                <PrintHandoutButton programId={current.id} />
                <Button onClick={() => startChange(current)}>{t('program.change')}</Button>
                <Button variant="light" color="red" onClick={() => setEnding(true)}>
                  {t('program.end')}
                </Button>
              </>
            }
          />
          <HandoutLanguageNote program={current} exercises={exercises} language={patient.preferredLanguage} clinicLanguage={(settings ?? DEFAULT_SETTINGS).language} />
          <EndProgramModal
            program={current}
            opened={ending}
            onClose={() => setEnding(false)}
            onEnded={(ended) => {
              setEnding(false)
              setStatus(ended ? t('program.ended') : t('program.notEnded'))
              void load().then(() => focusHeading(ended ? 'program-history-title' : 'current-program-title'))
            }}
          />
        </>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">{t('program.none.title')}</Title>
            <Text size="sm">{t('program.none.body', { template: FOOT_CORE_16_WEEKS.name })}</Text>
            {!therapist && (
              <Alert color="yellow" role="note">
                {t('program.chooseWho')}
              </Alert>
            )}
            <Group gap="sm">
              <Button onClick={startTemplate} disabled={!therapist}>
                {t('program.assignTemplate', { template: FOOT_CORE_16_WEEKS.name })}
              </Button>
              <Button variant="default" onClick={startEmpty} disabled={!therapist}>
                {t('program.startEmpty')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <ProgramHistory history={history} stageName={stageName} />
    </Stack>
  )
}
