// New and edit patient: labelled fields, API errors next to the field, archive with confirmation.
import { DateField } from '../components/DateField'
import { useEffect, useState } from 'react'
import { Alert, Anchor, Button, Checkbox, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { ApiError } from '@shared/domain/errors'
import { COMPLAINTS, SEXES, type Complaint, type Patient, type PatientContact, type Sex } from '@shared/domain/patient'
import { useAuth } from '../auth'
import { useKeptDraft } from '../lib/keptDrafts'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@shared/i18n/languages'
import { api } from '../api'
import { ConflictReview, isStaleVersion, plainValue, useConflictReview } from '../components/ConflictReview'
import { PatientDataActions } from '../components/PatientDataActions'
import { fullName } from '../lib/format'
import { issuesToFieldErrors, plainMessage } from '../lib/issues'
import { notifyError, notifySaved, notifyWarning } from '../lib/notify'
import { href, navigate, useUnsavedChanges } from '../router'
import { announce, focusById } from '../lib/focus'
import { typeAheadPick } from '../lib/typeAhead'
import { t as translate, useT } from '../i18n'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { complaintLabel, sexLabel } from '../lib/labels'

export interface PatientFormValues {
  firstName: string
  lastName: string
  dateOfBirth: string
  sex: Sex
  phone: string
  email: string
  complaints: Complaint[]
  notes: string
  /** null on a new patient until chosen: the clinic's language. */
  preferredLanguage: Language | null
}
const FIELDS: (keyof PatientFormValues)[] = ['firstName', 'lastName', 'dateOfBirth', 'sex', 'phone', 'email', 'complaints', 'notes', 'preferredLanguage']

/** The fields shown side by side when someone else saved the patient meanwhile. */
const REVIEWED: { key: keyof PatientFormValues; label: ScreenKey }[] = [
  { key: 'firstName', label: 'patientForm.firstName' },
  { key: 'lastName', label: 'patientForm.lastName' },
  { key: 'dateOfBirth', label: 'patientForm.dateOfBirth' },
  { key: 'sex', label: 'patientForm.sex' },
  { key: 'phone', label: 'patientForm.phone' },
  { key: 'email', label: 'patientForm.email' },
  { key: 'complaints', label: 'patientForm.complaints' },
  { key: 'notes', label: 'patientForm.notes' },
  { key: 'preferredLanguage', label: 'patientForm.language' },
]

function shownValue(key: keyof PatientFormValues, v: unknown): string {
  if (key === 'sex') return sexLabel(v as Sex)
  if (key === 'complaints') return (v as Complaint[]).map((c) => complaintLabel(c)).join(', ') || '—'
  if (key === 'preferredLanguage') return v === null ? translate('patientForm.clinicLanguage') : LANGUAGE_NAMES[v as Language]
  return plainValue(v)
}

const EMPTY: PatientFormValues = { firstName: '', lastName: '', dateOfBirth: '', sex: 'unspecified', phone: '', email: '', complaints: [], notes: '', preferredLanguage: null }

/** Reception sees and edits contact details only: no complaints, no notes. */
type Editable = Patient | PatientContact
const isFullPatient = (p: Editable): p is Patient => 'notes' in p

export const patientToValues = (p: Editable): PatientFormValues => ({
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  phone: p.phone ?? '',
  email: p.email ?? '',
  complaints: isFullPatient(p) ? p.complaints : [],
  notes: isFullPatient(p) ? p.notes : '',
  preferredLanguage: p.preferredLanguage,
})

export function PatientFormPage({ patientId }: { patientId: number | null }) {
  const contactOnly = !useAuth().may('patients.get')
  const t = useT()
  const [patient, setPatient] = useState<Editable | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  useEffect(() => {
    if (patientId === null) return
    const load = contactOnly ? api.patients.contact({ id: patientId }) : api.patients.get({ id: patientId })
    load.then(setPatient, (e: unknown) => setLoadError(plainMessage(e)))
  }, [patientId, contactOnly])
  if (patientId === null) return <PatientForm patient={null} contactOnly={contactOnly} />
  if (loadError) return <Alert color="red">{loadError}</Alert>
  if (!patient) return <Loader aria-label={t('common.loading')} />
  return <PatientForm patient={patient} contactOnly={contactOnly} />
}

function PatientForm({ patient, contactOnly }: { patient: Editable | null; contactOnly: boolean }) {
  const { may } = useAuth()
  const t = useT()
  const form = useForm<PatientFormValues>({ mode: 'controlled', initialValues: patient ? patientToValues(patient) : EMPTY })
  // Typed before the screen locked: back in the form (and still unsaved).
  const draftKey = `patient:${patient?.id ?? 'new'}`
  useKeptDraft(draftKey, form)
  const [saving, setSaving] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [duplicateOf, setDuplicateOf] = useState<number | null>(null)
  const [archiveOpen, setArchiveOpen] = useState(false)
  // The version the edits are based on: the patient as loaded, or as saved by someone else since.
  const [base, setBase] = useState<Editable | null>(patient)
  const reviewed = REVIEWED.map((f) => ({ key: f.key, label: t(f.label) }))
  const conflict = useConflictReview(contactOnly ? reviewed.filter((f) => f.key !== 'complaints' && f.key !== 'notes') : reviewed, shownValue)
  useUnsavedChanges(form.isDirty())

  /** Someone saved this patient since the page loaded it: show theirs next to what was typed. */
  async function showTheirs(e: ApiError, values: PatientFormValues) {
    if (!base) return
    const theirs = contactOnly ? await api.patients.contact({ id: base.id }) : await api.patients.get({ id: base.id })
    conflict.show(e.message, patientToValues(base), values, patientToValues(theirs))
    setBase(theirs)
  }

  /** The choices into the form (nothing typed is lost: a field kept as yours stays as typed). */
  function applyReview(): PatientFormValues {
    const merged = conflict.resolve(form.getValues())
    form.setValues(merged)
    return merged
  }

  async function save(values: PatientFormValues) {
    setSaving(true)
    setFormError(null)
    setDuplicateOf(null)
    const input = { ...values, phone: values.phone, email: values.email, preferredLanguage: values.preferredLanguage ?? undefined }
    const { complaints: _c, notes: _n, ...contact } = input
    try {
      const saved = contactOnly
        ? base
          ? await api.patients.updateContact({ id: base.id, version: base.version, ...contact })
          : await api.patients.create(contact)
        : base
          ? await api.patients.update({ id: base.id, version: base.version, ...input })
          : await api.patients.create(input)
      const said = patient ? t('patientForm.saved') : t('patientForm.added', { name: fullName(saved) })
      notifySaved(said)
      announce(said)
      navigate(`/patients/${saved.id}`, { force: true })
      // The new page's heading takes the focus: the next Tab starts on that patient's page.
      focusById('patient-title')
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') {
        const { fields, other } = issuesToFieldErrors(e.issues, FIELDS)
        form.setErrors(fields)
        if (other.length > 0) setFormError(other.join(' '))
        const first = FIELDS.find((f) => f in fields)
        if (first) document.getElementById(`patient-${first}`)?.focus()
      } else if (isStaleVersion(e)) {
        await showTheirs(e, values).catch((again: unknown) => setFormError(plainMessage(again)))
      } else if (e instanceof ApiError && e.code === 'conflict') {
        const duplicate = e.issues.find((i) => i.path[0] === 'duplicateOf')
        setDuplicateOf(duplicate ? Number(duplicate.path[1]) : null)
        setFormError(e.message)
      } else notifyError(e)
    } finally {
      setSaving(false)
    }
  }

  async function setArchived(archived: boolean) {
    if (!patient) return
    try {
      await api.patients.archive({ id: patient.id, version: (base ?? patient).version, archived })
      notifySaved(archived ? t('patientForm.archivedDone') : t('patientForm.restoredDone'))
      setArchiveOpen(false)
      navigate(archived ? '/patients' : `/patients/${patient.id}`, { force: true })
    } catch (e) {
      notifyError(e)
    }
  }

  const title = patient ? t('patientForm.editTitle', { name: fullName(patient) }) : t('patientForm.newTitle')
  return (
    <Stack maw={760}>
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      {patient?.archivedAt && <Alert color="gray">{t('patientForm.archivedNote')}</Alert>}
      <form onSubmit={form.onSubmit((v) => void save(v))} aria-label={title} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
              {duplicateOf !== null && (
                <>
                  {' '}
                  <Anchor href={href(`/patients/${duplicateOf}`)}>{t('patientForm.openExisting')}</Anchor>
                </>
              )}
            </Alert>
          )}
          {conflict.view && (
            <ConflictReview
              {...conflict.view}
              onSave={() => void save(applyReview())}
              onCancel={() => void applyReview()}
              saving={saving}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput id="patient-firstName" label={t('patientForm.firstName')} withAsterisk autoFocus {...form.getInputProps('firstName')} />
            <TextInput id="patient-lastName" label={t('patientForm.lastName')} withAsterisk {...form.getInputProps('lastName')} />
            <DateField id="patient-dateOfBirth" label={t('patientForm.dateOfBirth')} withAsterisk defaultLevel="decade" {...form.getInputProps('dateOfBirth')} />
            <Select
              id="patient-sex"
              label={t('patientForm.sex')}
              data={SEXES.map((s) => ({ value: s, label: sexLabel(s) }))}
              allowDeselect={false}
              {...form.getInputProps('sex')}
              onKeyDown={(e) => {
                // "F" picks Female, as in a native list.
                const pick = typeAheadPick(e, SEXES.map((s) => ({ value: s, label: sexLabel(s) })))
                if (pick) {
                  e.preventDefault()
                  form.setFieldValue('sex', pick.value as Sex)
                }
              }}
            />
            <TextInput id="patient-phone" label={t('patientForm.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput id="patient-email" label={t('patientForm.email')} type="email" {...form.getInputProps('email')} />
            <Select
              id="patient-preferredLanguage"
              label={t('patientForm.language')}
              description={t('patientForm.language.description')}
              placeholder={t('patientForm.clinicLanguage')}
              data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              allowDeselect={false}
              {...form.getInputProps('preferredLanguage')}
            />
          </SimpleGrid>
          {!contactOnly && (
            <>
              <Checkbox.Group id="patient-complaints" label={t('patientForm.presentingComplaints')} {...form.getInputProps('complaints')}>
                <Group mt="xs">
                  {COMPLAINTS.map((c) => (
                    <Checkbox key={c} value={c} label={complaintLabel(c)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Textarea id="patient-notes" label={t('patientForm.notes')} autosize minRows={3} maxRows={12} {...form.getInputProps('notes')} />
            </>
          )}
          <Group justify="space-between">
            <Group>
              <Button type="submit" loading={saving}>
                {patient ? t('patientForm.save') : t('patientForm.create')}
              </Button>
              <Anchor href={href(patient ? `/patients/${patient.id}` : '/patients')}>{t('patientForm.cancel')}</Anchor>
            </Group>
            {patient &&
              !contactOnly &&
              (patient.archivedAt ? (
                <Button variant="default" onClick={() => void setArchived(false)}>
                  {t('patientForm.restore')}
                </Button>
              ) : (
                <Button variant="outline" color="red" onClick={() => setArchiveOpen(true)}>
                  {t('patientForm.archive')}
                </Button>
              ))}
          </Group>
        </Stack>
      </form>
      {patient && isFullPatient(patient) && may('patients.export') && (
        <Stack gap="xs" mt="lg">
          <Title order={2} size="h4">
            {t('patientForm.data')}
          </Title>
          <PatientDataActions
            patient={patient}
            onErased={(_result, warning) => {
              if (warning) notifyWarning(t('patientForm.erasedWithProblem'), warning)
              navigate('/patients', { force: true })
            }}
          />
        </Stack>
      )}
      {patient && (
        <Modal opened={archiveOpen} onClose={() => setArchiveOpen(false)} title={t('patientForm.archive.title')} centered>
          <Stack>
            <Text style={{ overflowWrap: 'anywhere' }}>
              {t('patientForm.archive.body', { name: fullName(patient) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setArchiveOpen(false)} data-autofocus>
                {t('patientForm.archive.keep')}
              </Button>
              <Button color="red" onClick={() => void setArchived(true)}>
                {t('patientForm.archive')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  )
}
