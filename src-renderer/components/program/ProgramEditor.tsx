// Editor for a new or current program: exercises in order with their dosage, start and review dates.
import { DateField } from '../DateField'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { Alert, Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import type { Exercise } from '@shared/domain/exercise'
import { DosageInputs } from '../exercise/DosageInputs'
import type { DosageDraft, FieldErrors } from '../exercise/dosageDraft'
import {
  draftChanged,
  draftItemsForApi,
  formatDate,
  itemFromExercise,
  moveItem,
  withStartDate,
  type DraftItem,
  type ProgramDraft,
} from './programDraft'
import { draftFromReview, exerciseNames, programReviewFields, programReviewValues, programShownValue, type ProgramReviewValues } from './programReview'
import { useT } from '../../i18n'
import { useDraftSubmit } from '../../lib/useDraftSubmit'
import { useLeaveGuard } from './useLeaveGuard'
import { ConflictReview, isStaleVersion, useConflictReview } from '../ConflictReview'

export type ProgramItemsForApi = ReturnType<typeof draftItemsForApi>['items']

interface Props {
  mode: 'assign' | 'update'
  initial: ProgramDraft
  exercises: Exercise[]
  reviewIntervalWeeks: number
  /** Saves through the API; an ApiError thrown here is shown next to the fields. */
  save: (draft: ProgramDraft, items: ProgramItemsForApi) => Promise<void>
  onCancel: () => void
  onDirtyChange?: (dirty: boolean) => void
  /**
   * After "someone else changed this program": the program as saved now (the page saves on its
   * version from then on), or null when it is no longer there to change.
   */
  theirs?: () => Promise<ProgramDraft | null>
}

// Issue paths the editor shows next to a field; anything else goes to the message at the top.
const FIELD_KEYS = /^(name|startDate|reviewDate|reason|items)$|^items\.\d+\.\w+$/

export function ProgramEditor({ mode, initial, exercises, reviewIntervalWeeks, save, onCancel, onDirtyChange, theirs }: Props) {
  const t = useT()
  const [draft, setDraft] = useState(initial)
  // The program the edits are based on: as opened, or as someone else saved it since.
  const [base, setBase] = useState(initial)
  const names = useMemo(() => exerciseNames(exercises), [exercises])
  const conflict = useConflictReview<ProgramReviewValues>([], programShownValue(names))
  const [toAdd, setToAdd] = useState<string>('')
  const formRef = useRef<HTMLFormElement>(null)
  const { errors, setErrors, failure, saving, submit: submitDraft } = useDraftSubmit(formRef, FIELD_KEYS)
  const dirty = useMemo(() => draftChanged(draft, initial), [draft, initial])
  useLeaveGuard(dirty, onDirtyChange)

  // Keep the keyboard on the moved exercise's button once it is drawn in its new place; at either
  // end of the list that button is disabled, so the other one takes the focus.
  const [moved, setMoved] = useState<{ key: string; delta: -1 | 1 } | null>(null)
  useEffect(() => {
    if (!moved) return
    const form = formRef.current
    const same = form?.querySelector<HTMLButtonElement>(`[data-move="${moved.key}:${moved.delta}"]`)
    const other = form?.querySelector<HTMLButtonElement>(`[data-move="${moved.key}:${-moved.delta}"]`)
    ;(same && !same.disabled ? same : other)?.focus()
  }, [moved])

  const byId = useMemo(() => new Map(exercises.map((e) => [e.id, e])), [exercises])
  const addChoice = toAdd !== '' ? toAdd : String(exercises[0]?.id ?? '')

  function patchItem(key: string, patch: Partial<DosageDraft & { plannedWeeks: string }>) {
    setDraft((d) => ({ ...d, items: d.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }))
  }

  function move(index: number, delta: -1 | 1, key: string) {
    setDraft((d) => ({ ...d, items: moveItem(d.items, index, delta) }))
    // Errors are keyed by position, so they would point at the wrong exercise after a move.
    setErrors({})
    setMoved({ key, delta })
  }

  function remove(key: string) {
    setDraft((d) => ({ ...d, items: d.items.filter((i) => i.key !== key) }))
    setErrors({})
  }

  function add() {
    const exercise = byId.get(Number(addChoice))
    if (!exercise) return
    setDraft((d) => ({ ...d, items: [...d.items, itemFromExercise(exercise)] }))
    setErrors((e) => {
      const { items: _items, ...rest } = e
      return rest
    })
  }

  async function saveDraft(d: ProgramDraft) {
    const { items, errors: typing } = draftItemsForApi(d)
    await submitDraft(typing, async () => {
      try {
        await save(d, items)
      } catch (e) {
        const now = isStaleVersion(e) && theirs ? await theirs() : null
        if (!now || !isStaleVersion(e)) throw e
        // Their values next to what was typed; the form keeps what was typed.
        conflict.show(e.message, programReviewValues(base), programReviewValues(d), programReviewValues(now), programReviewFields(d, now, names))
        setBase(now)
      }
    })
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    await saveDraft(draft)
  }

  /** The choices into the form: a field kept as yours stays as typed. */
  function applyReview(): ProgramDraft {
    const merged = draftFromReview(conflict.resolve(programReviewValues(draft)), draft, base)
    setDraft(merged)
    return merged
  }

  function cancel() {
    if (dirty && !window.confirm(t('program.editor.discard'))) return
    onCancel()
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form ref={formRef} onSubmit={submit} aria-label={mode === 'assign' ? t('program.editor.assign') : t('program.editor.change')} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">{mode === 'assign' ? t('program.editor.assign') : t('program.editor.changeNamed', { name: draft.name })}</Title>
          {failure && (
            <Alert color="red" title={t('program.editor.notSaved')} role="alert">
              {failure}
            </Alert>
          )}
          {conflict.view && (
            <ConflictReview {...conflict.view} onSave={() => void saveDraft(applyReview())} onCancel={() => void applyReview()} saving={saving} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {mode === 'assign' ? (
              <TextInput
                label={t('program.editor.name')}
                value={draft.name}
                onChange={(e) => {
                  const name = e.currentTarget.value
                  setDraft((d) => ({ ...d, name }))
                }}
                error={errors.name}
              />
            ) : (
              <Text size="sm">
                <Text span fw={600}>
                  {t('program.editor.started')}
                </Text>{' '}
                {formatDate(draft.startDate)}
              </Text>
            )}
            {mode === 'assign' && (
              <DateField
                label={t('program.editor.startDate')}
                value={draft.startDate}
                onChange={(startDate) => setDraft((d) => withStartDate(d, startDate, reviewIntervalWeeks))}
                error={errors.startDate}
              />
            )}
            <DateField
              label={t('program.reviewDate')}
              description={mode === 'assign' ? t('program.editor.reviewDefault', { count: reviewIntervalWeeks }) : undefined}
              value={draft.reviewDate}
              onChange={(reviewDate) => setDraft((d) => ({ ...d, reviewDate, reviewDateEdited: true }))}
              error={errors.reviewDate}
            />
          </SimpleGrid>

          <Stack gap="sm">
            <Title order={3} size="h4">{t('program.exercises')}</Title>
            {draft.items.length === 0 && (
              <Text c="dimmed" size="sm">
                {t('program.editor.noItems')}
              </Text>
            )}
            {draft.items.map((item, index) => (
              <ProgramItemFields
                key={item.key}
                item={item}
                index={index}
                count={draft.items.length}
                stages={byId.get(item.exerciseId)?.stages ?? []}
                errors={errors}
                onChange={(patch) => patchItem(item.key, patch)}
                onMove={(delta) => move(index, delta, item.key)}
                onRemove={() => remove(item.key)}
              />
            ))}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t('program.editor.toAdd')}
                data={exercises.map((e) => ({ value: String(e.id), label: e.builtin ? e.name : t('program.editor.clinicOwn', { name: e.name }) }))}
                value={addChoice}
                onChange={(e) => setToAdd(e.currentTarget.value)}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
                error={errors.items}
              />
              <Button variant="default" onClick={add} disabled={exercises.length === 0}>
                {t('program.editor.add')}
              </Button>
            </Group>
          </Stack>

          {mode === 'update' && (
            <Textarea
              label={t('program.editor.reason')}
              autosize
              minRows={1}
              maxRows={4}
              value={draft.reason}
              onChange={(e) => {
                const reason = e.currentTarget.value
                setDraft((d) => ({ ...d, reason }))
              }}
              error={errors.reason}
            />
          )}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={cancel} disabled={saving}>
              {t('program.editor.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {mode === 'assign' ? t('program.editor.assign') : t('program.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

interface ItemProps {
  item: DraftItem
  index: number
  count: number
  stages: string[]
  errors: FieldErrors
  onChange: (patch: Partial<DosageDraft & { plannedWeeks: string }>) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
}

function ProgramItemFields({ item, index, count, stages, errors, onChange, onMove, onRemove }: ItemProps) {
  const t = useT()
  return (
    <Fieldset
      legend={item.exerciseName}
      styles={{ legend: { overflowWrap: 'anywhere', fontWeight: 600 } }}
      style={{ minWidth: 0 }}
      data-testid="program-item"
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('program.editor.position', { index: index + 1, count })}
          </Text>
          <Group gap={6}>
            <Button
              size="xs"
              variant="default"
              onClick={() => onMove(-1)}
              disabled={index === 0}
              data-move={`${item.key}:-1`}
              aria-label={t('program.editor.moveUp', { name: item.exerciseName })}
            >
              {t('program.editor.up')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => onMove(1)}
              disabled={index === count - 1}
              data-move={`${item.key}:1`}
              aria-label={t('program.editor.moveDown', { name: item.exerciseName })}
            >
              {t('program.editor.down')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={onRemove} aria-label={t('program.editor.removeNamed', { name: item.exerciseName })}>
              {t('program.editor.remove')}
            </Button>
          </Group>
        </Group>
        <DosageInputs value={item} onChange={onChange} stages={stages} errors={errors} errorPrefix={`items.${index}`} />
        <TextInput
          label={t('program.plannedWeeks')}
          description={t('program.editor.plannedWeeksHelp', { count: stages.length })}
          value={item.plannedWeeks}
          onChange={(e) => onChange({ plannedWeeks: e.currentTarget.value })}
          error={errors[`items.${index}.plannedWeeks`]}
          id={`items-${index}-plannedWeeks`}
          autoComplete="off"
        />
        {errors[`items.${index}.exerciseId`] && (
          <Text c="red" size="sm" role="alert">
            {errors[`items.${index}.exerciseId`]}
          </Text>
        )}
      </Stack>
    </Fieldset>
  )
}
