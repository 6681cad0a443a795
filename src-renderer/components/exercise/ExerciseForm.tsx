// Create or edit one of the clinic's own exercises: texts, list editors, default dosage.
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { Alert, Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core'
import type { Exercise } from '@shared/domain/exercise'
import { api } from '../../api'
import { useT } from '../../i18n'
import { useDraftSubmit } from '../../lib/useDraftSubmit'
import { useLeaveGuard } from '../program/useLeaveGuard'
import { DosageInputs } from './DosageInputs'
import { exerciseDraftChanged, exerciseDraftForApi, exerciseToDraft, type ExerciseDraft } from './exerciseDraft'
import { ListEditor } from './ListEditor'
import { ConflictReview, isStaleVersion, useConflictReview } from '../ConflictReview'
import { exerciseReviewFields, exerciseDraftFromReview, exerciseReviewValues, exerciseShownValue, type ExerciseReviewValues } from './exerciseReview'

interface Props {
  /** The exercise being edited, or null for a new one. */
  exercise: Exercise | null
  initial: ExerciseDraft
  onSaved: (saved: Exercise) => void
  onCancel: () => void
}

const FIELD_KEYS = /^(name|purpose|safety|steps|mistakes|stages)(\.\d+)?$|^dosage\.\w+$/

export function ExerciseForm({ exercise, initial, onSaved, onCancel }: Props) {
  // The exercise as the form opened it (the library behind may refresh), or as someone else saved it since.
  const t = useT()
  const [base, setBase] = useState(exercise)
  const [draft, setDraft] = useState(initial)
  const conflict = useConflictReview<ExerciseReviewValues>(exerciseReviewFields(), exerciseShownValue)
  const formRef = useRef<HTMLFormElement>(null)
  const { errors, failure, saving, submit: save } = useDraftSubmit(formRef, FIELD_KEYS)
  const dirty = useMemo(() => exerciseDraftChanged(draft, initial), [draft, initial])
  useLeaveGuard(dirty)

  const patch = (p: Partial<ExerciseDraft>) => setDraft((d) => ({ ...d, ...p }))

  async function saveDraft(d: ExerciseDraft) {
    const { fields, errors: typing } = exerciseDraftForApi(d)
    await save(typing, async () => {
      try {
        onSaved(base ? await api.exercises.update({ id: base.id, version: base.version, ...fields }) : await api.exercises.create(fields))
      } catch (e) {
        if (!base || !isStaleVersion(e)) throw e
        // Theirs next to what was typed; the form keeps what was typed.
        const theirs = (await api.exercises.list({ includeArchived: true })).find((x) => x.id === base.id)
        if (!theirs) throw e
        conflict.show(e.message, exerciseReviewValues(exerciseToDraft(base)), exerciseReviewValues(d), exerciseReviewValues(exerciseToDraft(theirs)))
        setBase(theirs)
      }
    })
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    await saveDraft(draft)
  }

  /** The choices into the form (a field kept as yours stays as typed). */
  function applyReview(): ExerciseDraft {
    const merged = exerciseDraftFromReview(conflict.resolve(exerciseReviewValues(draft)), draft)
    setDraft(merged)
    return merged
  }

  function cancel() {
    if (dirty && !window.confirm(t('exercise.form.discard'))) return
    onCancel()
  }

  const stageNames = draft.stages.map((s, i) => (s.text.trim() === '' ? t('program.stageNumber', { stage: i + 1 }) : s.text))

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={exercise ? t('exercise.form.edit', { name: exercise.name }) : t('exercise.form.new')}>
      <Stack gap="md">
        {failure && (
          <Alert color="red" title={t('program.editor.notSaved')} role="alert">
            {failure}
          </Alert>
        )}
        {conflict.view && (
          <ConflictReview {...conflict.view} onSave={() => void saveDraft(applyReview())} onCancel={() => void applyReview()} saving={saving} />
        )}
        <TextInput label={t('exercise.name')} value={draft.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} />
        <Textarea label={t('exercise.purpose')} description={t('exercise.form.purposeHelp')} autosize minRows={2}
          value={draft.purpose} onChange={(e) => patch({ purpose: e.currentTarget.value })} error={errors.purpose} />
        <ListEditor legend={t('exercise.steps')} item="step" items={draft.steps} onChange={(steps) => patch({ steps })} errors={errors} path="steps"
          emptyText={t('exercise.form.noSteps')} />
        <ListEditor legend={t('exercise.mistakes')} item="mistake" items={draft.mistakes} onChange={(mistakes) => patch({ mistakes })}
          errors={errors} path="mistakes" emptyText={t('exercise.form.noMistakes')} />
        <ListEditor legend={t('exercise.stages')} item="stage" items={draft.stages} onChange={(stages) => patch({ stages })} errors={errors} path="stages"
          emptyText={t('exercise.form.noStages')} />
        <Textarea label={t('exercise.safetyNote')} description={t('exercise.form.safetyHelp')} autosize minRows={1}
          value={draft.safety} onChange={(e) => patch({ safety: e.currentTarget.value })} error={errors.safety} />
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('exercise.defaultDosage')}
          </Title>
          <DosageInputs value={draft.dosage} onChange={(p) => patch({ dosage: { ...draft.dosage, ...p } })} stages={stageNames}
            errors={errors} errorPrefix="dosage" stageLabel={t('exercise.defaultStage')} />
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={cancel} disabled={saving}>
            {t('program.editor.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {exercise ? t('exercise.form.save') : t('exercise.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
