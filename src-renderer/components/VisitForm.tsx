// Record or correct a visit: both feet side by side (Tab runs left foot, then right), live AHI and
// navicular drop, pain scores; Enter saves; errors next to the field and nothing typed is lost.
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useKeptDraft } from '../lib/keptDrafts'
import { localToday } from '@shared/calc/dates'
import { isPlausibleArchHeightIndex } from '@shared/calc/measures'
import { isIsoDate } from '@shared/domain/common'
import { ApiError } from '@shared/domain/errors'
import type { Program } from '@shared/domain/program'
import type { ArchHeightMethod } from '@shared/domain/settings'
import { SYMPTOM_REGIONS, VISIT_KINDS, type Side, type Visit, type VisitKind } from '@shared/domain/visit'
import { api } from '../api'
import { useAuth } from '../auth'
import { decimal, formatDate, mm, ratio3 } from '../lib/format'
import { sideLabel, symptomLabel, visitKindLabel } from '../lib/labels'
import { useT } from '../i18n'
import { issuesToFieldErrors } from '../lib/issues'
import { programFieldKeys, programIssueKey, programValuesToInput } from '../lib/visitProgram'
import { VisitProgramFields } from './VisitProgramFields'
import { DateField } from './DateField'
import { ConflictReview, isStaleVersion, useConflictReview } from './ConflictReview'
import { visitReviewFields, visitReviewValues, visitShownValue, visitValuesFromReview, type VisitReviewValues } from '../lib/visitReview'
import { notifyError, notifySaved } from '../lib/notify'
import {
  FOOT_FIELDS,
  VISIT_FIELD_KEYS,
  footFieldLabel,
  emptyVisitValues,
  liveDerived,
  valuesToInput,
  visitToValues,
  type VisitFormValues,
} from '../lib/visitForm'
import { useUnsavedChanges } from '../router'
import { useSession } from '../session'
import { announce } from '../lib/focus'

/** `proposeKind`: the kind to propose for a typed visit date, until the therapist picks one. */
export type VisitFormMode = { type: 'record'; kind: VisitKind; proposeKind?(visitDate: string): VisitKind } | { type: 'correct'; visit: Visit }

// Record and correct forms can be on screen together: ids differ by prefix.
const idFor = (prefix: string) => (key: string) => `${prefix}-${key.replace(/\./g, '-')}`

function FootFields({ side, form, method, fieldId }: { side: Side; form: ReturnType<typeof useForm<VisitFormValues>>; method: ArchHeightMethod; fieldId: (key: string) => string }) {
  const values = form.getValues()[side]
  const t = useT()
  const live = liveDerived(values, method)
  const label = sideLabel(side)
  return (
    <Fieldset legend={label} aria-label={label} p="sm">
      <Stack gap="xs">
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
        {FOOT_FIELDS.map((k) => (
          <TextInput
            key={k}
            id={fieldId(`${side}.${k}`)}
            label={t('visitForm.footField', { label: footFieldLabel(k, method) })}
            description={k.startsWith('navicular') ? t('visitForm.optional') : undefined}
            inputMode="decimal"
            autoComplete="off"
            {...form.getInputProps(`${side}.${k}`)}
          />
        ))}
        </SimpleGrid>
        <Group gap="lg" aria-live="polite" data-testid={fieldId(`live.${side}`)}>
          <Text size="sm">
            {t('visitForm.liveAhi')} <b>{ratio3(live.archHeightIndex)}</b>
            {live.archHeightIndex !== null && !isPlausibleArchHeightIndex(live.archHeightIndex) && (
              <Text span size="sm" c="red.8" fw={600}>
                {' '}
                {t('visitForm.ahiOutside', { low: decimal(0.2, 3), high: decimal(0.5, 3) })}
              </Text>
            )}
          </Text>
          <Text size="sm">
            {t('visitForm.liveDrop')} <b>{mm(live.navicularDrop)}</b>
          </Text>
        </Group>
      </Stack>
    </Fieldset>
  )
}

interface VisitFormProps {
  patientId: number
  mode: VisitFormMode
  /** The patient's current program and visits: days done and stage confirmations belong to it. */
  program?: Program | null
  visits?: Visit[]
  onSaved(v: Visit): void
  onCancel?(): void
}

export function VisitForm({ patientId, mode, program = null, visits = [], onSaved, onCancel }: VisitFormProps) {
  const t = useT()
  const { therapists, settings } = useSession()
  // The signed-in user measures, unless they are reception (who never records a visit).
  const me = useAuth().user
  const signedInTherapist = me.role === 'reception' ? null : me.id
  const fieldId = idFor(mode.type === 'correct' ? 'correct' : 'visit')
  const initial =
    mode.type === 'correct'
      ? visitToValues(mode.visit, program)
      : emptyVisitValues(localToday(), signedInTherapist, mode.proposeKind?.(localToday()) ?? mode.kind, program)
  const form = useForm<VisitFormValues>({ mode: 'controlled', initialValues: initial })
  // The visit as the correction was opened (the list behind it refreshes on changes elsewhere), or
  // as someone else saved it since.
  const [base, setBase] = useState(mode.type === 'correct' ? mode.visit : null)
  const [saving, setSaving] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [kindChosen, setKindChosen] = useState(false)
  useUnsavedChanges(form.isDirty())
  // Typed before the screen locked: back in the form (and still unsaved).
  const draftKey = `visit:${patientId}:${mode.type === 'correct' ? mode.visit.id : 'new'}`
  useKeptDraft(draftKey, form)

  // A back-dated follow-up typed near the review date must not be proposed as the review.
  // Follows the typed date and the patient's program (assigned while this form was open).
  const visitDate = form.getValues().visitDate.trim()
  const proposed = mode.type === 'record' && mode.proposeKind && isIsoDate(visitDate) ? mode.proposeKind(visitDate) : null
  useEffect(() => {
    if (proposed === null || kindChosen) return
    if (form.getValues().kind === proposed) return
    // An untouched form stays untouched: leaving it must not ask about unsaved changes.
    if (!form.isDirty()) form.setInitialValues({ ...form.getInitialValues(), kind: proposed })
    form.setFieldValue('kind', proposed)
  }, [proposed, kindChosen])

  // The method the arch height label shows, sent with the values: the core refuses them if the
  // clinic has switched methods since. Once an arch height is typed the label no longer follows
  // reloaded settings, so it never changes under a value measured the other way.
  const clinicMethod: ArchHeightMethod = settings?.archHeightMethod ?? 'dorsal_50'
  const shownMethod = useRef(clinicMethod)
  const { left: typedLeft, right: typedRight } = form.getValues()
  if (typedLeft.archHeightMm.trim() === '' && typedRight.archHeightMm.trim() === '') shownMethod.current = clinicMethod
  const method: ArchHeightMethod =
    mode.type === 'correct' ? (mode.visit.left?.archHeightMethod ?? mode.visit.right?.archHeightMethod ?? clinicMethod) : shownMethod.current
  // A correction may keep a therapist who has since left; new visits list active therapists only.
  const therapistOptions = therapists
    .filter((t) => t.active || (mode.type === 'correct' && t.id === mode.visit.therapistId))
    .map((t) => ({ value: String(t.id), label: t.displayName }))
  if (mode.type === 'correct' && !therapistOptions.some((o) => o.value === String(mode.visit.therapistId))) {
    therapistOptions.push({ value: String(mode.visit.therapistId), label: mode.visit.therapistName })
  }

  const values = form.getValues()
  // Days done and stage steps belong to a program the visit falls under; the baseline has none yet.
  const typedDate = values.visitDate.trim()
  const programHere = program !== null && program.status === 'active' && isIsoDate(typedDate) && typedDate > program.startDate && values.kind !== 'baseline' ? program : null
  const fieldKeys = [...VISIT_FIELD_KEYS, ...programFieldKeys(programHere)]

  const therapistName = (id: string) => therapistOptions.find((o) => o.value === id)?.label ?? therapists.find((t) => String(t.id) === id)?.displayName ?? t('visitForm.therapist')
  const exerciseName = (id: string) => program?.items.find((i) => String(i.exerciseId) === id)?.exerciseName ?? t('visitForm.exercise')
  const conflict = useConflictReview<VisitReviewValues>(visitReviewFields(method), visitShownValue(therapistName, exerciseName))

  /** Someone corrected this visit since the form opened: theirs next to what was typed. */
  async function showTheirs(message: string, typed: VisitFormValues) {
    if (!base) return
    const theirs = (await api.visits.list({ patientId })).find((v) => v.id === base.id)
    if (!theirs) return setFormError(message)
    conflict.show(message, visitReviewValues(visitToValues(base, program)), visitReviewValues(typed), visitReviewValues(visitToValues(theirs, program)))
    setBase(theirs)
  }

  /** The choices into the form (a field kept as yours stays as typed). */
  function applyReview(): VisitFormValues {
    const merged = visitValuesFromReview(conflict.resolve(visitReviewValues(form.getValues())), form.getValues())
    form.setValues(merged)
    return merged
  }

  function showErrors(errors: Record<string, string>) {
    form.setErrors(errors)
    const first = fieldKeys.find((k) => k in errors)
    if (first) document.getElementById(fieldId(first))?.focus()
  }

  async function save(values: VisitFormValues) {
    setFormError(null)
    const { input, errors } = valuesToInput(values)
    const part = programValuesToInput(values.program, programHere)
    if (!input || Object.keys(part.errors).length > 0) return showErrors({ ...errors, ...part.errors })
    const sent = programHere ? part.input : { adherence: null, stageSteps: [] }
    setSaving(true)
    try {
      const saved =
        mode.type === 'correct'
          ? await api.visits.correct({ ...input, adherence: sent.adherence, archHeightMethod: method, visitId: mode.visit.id, version: (base ?? mode.visit).version, reason: values.reason })
          : await api.visits.record({ ...input, ...sent, archHeightMethod: method, patientId })
      const said = mode.type === 'correct' ? t('visitForm.correctionSaved') : t('visitForm.visitSaved', { date: formatDate(saved.visitDate) })
      notifySaved(said)
      announce(said)
      form.resetDirty()
      form.setInitialValues(values)
      onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') {
        const issues = e.issues.map((i) => ({ ...i, path: programIssueKey(i.path, sent) }))
        const { fields, other } = issuesToFieldErrors(issues, fieldKeys)
        if (other.length > 0) setFormError(other.join(' '))
        showErrors(fields)
      } else if (isStaleVersion(e) && mode.type === 'correct') {
        await showTheirs(e.message, values).catch((again: unknown) => setFormError(again instanceof Error ? again.message : String(again)))
      } else if (e instanceof ApiError && (e.code === 'conflict' || e.code === 'unauthorized' || e.code === 'not_found')) {
        setFormError(e.message)
      } else notifyError(e)
    } finally {
      setSaving(false)
    }
  }

  const label = mode.type === 'correct' ? t('visitForm.correctTitle') : t('visitForm.recordTitle')
  return (
    <form onSubmit={form.onSubmit((v) => void save(v))} aria-label={label} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {conflict.view && (
          <ConflictReview {...conflict.view} onSave={() => void save(applyReview())} onCancel={() => void applyReview()} saving={saving} />
        )}
        <Group align="flex-start" grow>
          <DateField id={fieldId('visitDate')} label={t('visitForm.visitDate')} withAsterisk {...form.getInputProps('visitDate')} />
          <Select
            id={fieldId('therapistId')}
            label={t('visitForm.therapist')}
            description={t('visitForm.therapistHint')}
            withAsterisk
            data={therapistOptions}
            allowDeselect={false}
            {...form.getInputProps('therapistId')}
          />
          <Select
            id={fieldId('kind')}
            label={t('visitForm.kind')}
            description={t('visitForm.kindHint')}
            withAsterisk
            data={VISIT_KINDS.map((k) => ({ value: k, label: visitKindLabel(k) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            onChange={(v) => {
              setKindChosen(true)
              form.setFieldValue('kind', (v ?? 'follow_up') as VisitKind)
            }}
          />
        </Group>
        <SimpleGrid cols={2}>
          <FootFields side="left" form={form} method={method} fieldId={fieldId} />
          <FootFields side="right" form={form} method={method} fieldId={fieldId} />
        </SimpleGrid>
        <Fieldset legend={t('visitForm.painLegend')}>
          <SimpleGrid cols={{ base: 3, md: 6 }}>
            {SYMPTOM_REGIONS.map((r) => (
              <TextInput key={r} id={fieldId(`symptoms.${r}`)} label={symptomLabel(r)} inputMode="numeric" autoComplete="off" {...form.getInputProps(`symptoms.${r}`)} />
            ))}
            <TextInput
              id={fieldId('headacheDays')}
              label={t('visitForm.headacheDays')}
              description={t('visitForm.headacheDaysHint')}
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('headacheDays')}
            />
          </SimpleGrid>
        </Fieldset>
        {programHere && (
          <VisitProgramFields
            form={form}
            program={programHere}
            visits={visits}
            correcting={mode.type === 'correct' ? mode.visit : undefined}
            confirmStages={mode.type === 'record'}
            fieldId={fieldId}
          />
        )}
        <Textarea
          id={fieldId('notes')}
          label={t('visitForm.notes')}
          description={t('visitForm.notesHint')}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('notes')}
          onKeyDown={(e) => {
            // Enter makes a new line in the notes; Ctrl+Enter (Cmd+Enter) saves from here too.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              e.currentTarget.form?.requestSubmit()
            }
          }}
        />
        {mode.type === 'correct' && (
          <TextInput
            id={fieldId('reason')}
            label={t('visitForm.reason')}
            description={t('visitForm.reasonHint')}
            withAsterisk
            {...form.getInputProps('reason')}
          />
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {mode.type === 'correct' ? t('visitForm.saveCorrection') : t('visitForm.saveVisit')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Text size="sm" c="dimmed">
            {t('visitForm.enterSaves')}
          </Text>
        </Group>
      </Stack>
    </form>
  )
}
