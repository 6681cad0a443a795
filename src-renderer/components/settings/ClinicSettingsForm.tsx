// The clinic's settings form: identity and logo for printouts, measurement method, thresholds, review interval.
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { Alert, Button, Fieldset, FileInput, Group, Image, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { ARCH_HEIGHT_METHODS, PAGE_SIZES, type ArchHeightMethod, type PageSize, type Settings } from '@shared/domain/settings'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@shared/i18n/languages'
import { api } from '../../api'
import { t as translate, useT } from '../../i18n'
import { archMethodLabel } from '../../lib/labels'
import { ConflictReview, isStaleVersion, plainValue, useConflictReview } from '../ConflictReview'
import { useDraftSubmit } from '../../lib/useDraftSubmit'
import { useLeaveGuard } from '../program/useLeaveGuard'
import { logoFileProblem, settingsDraftForApi, settingsToDraft, type SettingsDraft } from './settingsDraft'


function readAsDataUrl(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const reader = new FileReader()
    reader.onload = () => ok(String(reader.result))
    reader.onerror = () => fail(new Error(translate('settingsForm.fileUnreadable')))
    reader.readAsDataURL(file)
  })
}

/** The fields shown side by side when someone else saved the settings meanwhile. */
const REVIEWED = [
  'clinicName',
  'address',
  'phone',
  'email',
  'logoDataUrl',
  'pageSize',
  'archHeightMethod',
  'smcArchHeightMm',
  'smcFootLengthMm',
  'smcNavicularDropMm',
  'smcArchHeightIndex',
  'reviewIntervalWeeks',
  'lockAfterMinutes',
  'language',
] as const satisfies readonly (keyof SettingsDraft)[]
const reviewedFields = (): { key: keyof SettingsDraft; label: string }[] => REVIEWED.map((key) => ({ key, label: translate(`settingsForm.review.${key}`) }))

function shownSetting(key: keyof SettingsDraft, v: unknown): string {
  if (key === 'archHeightMethod') return archMethodLabel(v as ArchHeightMethod)
  if (key === 'logoDataUrl') return v ? translate('settingsForm.anImage') : translate('settingsForm.noLogo')
  if (key === 'language') return LANGUAGE_NAMES[v as Language]
  return plainValue(v)
}

interface Props {
  settings: Settings
  onSaved: (saved: Settings) => Promise<void>
}

export function ClinicSettingsForm({ settings, onSaved }: Props) {
  // The settings the draft is based on. `settings` follows changes made elsewhere; the form does
  // not: while untouched it moves to them, while being edited it only says so.
  const t = useT()
  const [base, setBase] = useState(settings)
  const [initial, setInitial] = useState(() => settingsToDraft(settings))
  const [draft, setDraft] = useState(initial)
  const [status, setStatus] = useState<string | null>(null)
  const conflict = useConflictReview(reviewedFields(), shownSetting)
  const formRef = useRef<HTMLFormElement>(null)
  const { errors, setErrors, failure, saving, submit: submitDraft } = useDraftSubmit(formRef)
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial])
  useLeaveGuard(dirty)
  const changedElsewhere = settings.version > base.version && !conflict.view
  useEffect(() => {
    if (dirty || settings.version <= base.version) return
    const next = settingsToDraft(settings)
    setBase(settings)
    setInitial(next)
    setDraft(next)
  }, [settings, dirty, base.version])

  const patch = (p: Partial<SettingsDraft>) => {
    setStatus(null)
    setDraft((d) => ({ ...d, ...p }))
  }
  const text = (field: 'clinicName' | 'phone' | 'email' | 'smcArchHeightMm' | 'smcFootLengthMm' | 'smcNavicularDropMm' | 'smcArchHeightIndex' | 'reviewIntervalWeeks' | 'lockAfterMinutes') => ({
    value: draft[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => patch({ [field]: e.currentTarget.value }),
    error: errors[field],
  })

  async function chooseLogo(file: File | null) {
    setErrors(({ logoDataUrl: _old, ...rest }) => rest)
    if (!file) return
    const problem = logoFileProblem(file)
    if (problem) {
      setErrors((e) => ({ ...e, logoDataUrl: problem }))
      return
    }
    try {
      patch({ logoDataUrl: await readAsDataUrl(file) })
    } catch (e) {
      setErrors((er) => ({ ...er, logoDataUrl: e instanceof Error ? e.message : String(e) }))
    }
  }

  async function save(values: SettingsDraft) {
    setStatus(null)
    const { input, errors: typing } = settingsDraftForApi(values)
    await submitDraft(typing, async () => {
      try {
        const saved = await api.settings.update({ ...input, version: base.version })
        const next = settingsToDraft(saved)
        setBase(saved)
        setInitial(next)
        setDraft(next)
        setStatus(t('settingsForm.saved'))
        await onSaved(saved)
      } catch (e) {
        if (!isStaleVersion(e)) throw e
        // Someone saved the settings meanwhile: theirs next to what is in this form, field by field.
        const theirs = await api.settings.get({})
        const theirsDraft = settingsToDraft(theirs)
        conflict.show(e.message, initial, values, theirsDraft)
        setBase(theirs)
        setInitial(theirsDraft)
      }
    })
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void save(draft)
  }

  /** The choices into the form; a field kept as yours stays as typed. */
  function applyReview(): SettingsDraft {
    const merged = conflict.resolve(draft)
    setDraft(merged)
    return merged
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('settingsForm.label')}>
      <Stack gap="md">
        {failure && (
          <Alert color="red" title={t('program.editor.notSaved')} role="alert">
            {failure}
          </Alert>
        )}
        {changedElsewhere && (
          <Text size="sm" role="status">
            {t('settingsForm.changedElsewhere')}
          </Text>
        )}
        {conflict.view && (
          <ConflictReview
            {...conflict.view}
            onSave={() => void save(applyReview())}
            onCancel={() => void applyReview()}
            saving={saving}
          />
        )}
        <Fieldset legend={t('settingsForm.clinic')} style={{ minWidth: 0 }}>
          <Stack gap="sm">
            <TextInput label={t('settingsForm.review.clinicName')} {...text('clinicName')} />
            <Textarea label={t('settingsForm.review.address')} autosize minRows={2} maxRows={5} value={draft.address}
              onChange={(e) => patch({ address: e.currentTarget.value })} error={errors.address} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('settingsForm.review.phone')} type="tel" autoComplete="off" {...text('phone')} />
              <TextInput label={t('settingsForm.review.email')} type="email" autoComplete="off" {...text('email')} />
            </SimpleGrid>
            <Group align="flex-end" gap="md" wrap="wrap">
              <FileInput
                label={t('settingsForm.review.logoDataUrl')}
                description={t('settingsForm.logoHelp')}
                placeholder={draft.logoDataUrl ? t('settingsForm.chooseAnother') : t('settingsForm.choose')}
                accept="image/png,image/jpeg"
                value={null}
                onChange={(f) => void chooseLogo(f)}
                error={errors.logoDataUrl}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
              />
              {draft.logoDataUrl && (
                <Group gap="sm" align="center">
                  <Image src={draft.logoDataUrl} alt={t('settingsForm.logoPreview')} h={56} w="auto" fit="contain"
                    style={{ maxWidth: 200, background: 'white', borderRadius: 4, padding: 4 }} />
                  <Button variant="light" color="red" size="xs" onClick={() => patch({ logoDataUrl: null })}>
                    {t('settingsForm.removeLogo')}
                  </Button>
                </Group>
              )}
            </Group>
            <Radio.Group label={t('settingsForm.pageSize')} value={draft.pageSize} onChange={(v) => patch({ pageSize: v as PageSize })}
              error={errors.pageSize}>
              <Group gap="lg" mt={4}>
                {PAGE_SIZES.map((p) => (
                  <Radio key={p} value={p} label={t(`settingsForm.page.${p}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Select
              label={t('settingsForm.language')}
              description={t('settingsForm.languageHelp')}
              data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              value={draft.language}
              onChange={(v) => v && patch({ language: v as Language })}
              allowDeselect={false}
              error={errors.language}
              maw={260}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('settingsForm.measurements')} style={{ minWidth: 0 }}>
          <Stack gap="md">
            <Radio.Group label={t('settingsForm.review.archHeightMethod')} description={t('settingsForm.methodHelp')}
              value={draft.archHeightMethod} onChange={(v) => patch({ archHeightMethod: v as ArchHeightMethod })} error={errors.archHeightMethod}>
              <Stack gap="xs" mt={6}>
                {ARCH_HEIGHT_METHODS.map((m) => (
                  <Radio key={m} value={m} label={archMethodLabel(m)} description={t(`settingsForm.method.${m}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t('settingsForm.smc')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('settingsForm.smcHelp')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                <TextInput label={t('settingsForm.smcArchHeightMm')} inputMode="decimal" autoComplete="off" {...text('smcArchHeightMm')} />
                <TextInput label={t('settingsForm.smcFootLengthMm')} inputMode="decimal" autoComplete="off" {...text('smcFootLengthMm')} />
                <TextInput label={t('settingsForm.smcNavicularDropMm')} inputMode="decimal" autoComplete="off" {...text('smcNavicularDropMm')} />
                <TextInput label={t('settingsForm.smcArchHeightIndex')} inputMode="decimal" autoComplete="off" {...text('smcArchHeightIndex')} />
              </SimpleGrid>
            </Stack>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('settingsForm.programs')} style={{ minWidth: 0 }}>
          <TextInput label={t('settingsForm.reviewInterval')} description={t('settingsForm.reviewIntervalHelp')}
            inputMode="numeric" autoComplete="off" maw={320} {...text('reviewIntervalWeeks')} />
        </Fieldset>

        <Fieldset legend={t('settingsForm.privacy')} style={{ minWidth: 0 }}>
          <TextInput label={t('settingsForm.review.lockAfterMinutes')} description={t('settingsForm.lockHelp')}
            inputMode="numeric" autoComplete="off" maw={320} {...text('lockAfterMinutes')} />
        </Fieldset>

        <Group justify="flex-end" gap="sm">
          {status && (
            <Text role="status" c="teal" fw={600}>
              {status}
            </Text>
          )}
          <Button type="submit" loading={saving}>
            {t('settingsForm.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
