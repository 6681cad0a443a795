// The clinic's settings form: identity and logo for printouts, measurement method, thresholds, review interval.
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { Alert, Button, Fieldset, FileInput, Group, Image, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { ARCH_HEIGHT_METHOD_LABELS, ARCH_HEIGHT_METHODS, PAGE_SIZES, type ArchHeightMethod, type PageSize, type Settings } from '@shared/domain/settings'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@shared/i18n/languages'
import { api } from '../../api'
import { ConflictReview, isStaleVersion, plainValue, useConflictReview } from '../ConflictReview'
import { useDraftSubmit } from '../../lib/useDraftSubmit'
import { useLeaveGuard } from '../program/useLeaveGuard'
import { logoFileProblem, settingsDraftForApi, settingsToDraft, type SettingsDraft } from './settingsDraft'

const METHOD_EXPLANATIONS: Record<ArchHeightMethod, string> = {
  dorsal_50: 'Floor to the top of the foot at half the foot length, standing; also gives the arch height index.',
  navicular_standing: 'Floor to the navicular tuberosity (the bony bump on the inner side of the foot), standing.',
}

const PAGE_SIZE_LABELS: Record<PageSize, string> = { A4: 'A4 (210 × 297 mm)', Letter: 'Letter (8.5 × 11 in)' }

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const reader = new FileReader()
    reader.onload = () => ok(String(reader.result))
    reader.onerror = () => fail(new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}

/** The fields shown side by side when someone else saved the settings meanwhile. */
const REVIEWED: { key: keyof SettingsDraft; label: string }[] = [
  { key: 'clinicName', label: 'Clinic name' },
  { key: 'address', label: 'Address' },
  { key: 'phone', label: 'Phone' },
  { key: 'email', label: 'Email' },
  { key: 'logoDataUrl', label: 'Logo' },
  { key: 'pageSize', label: 'Page size' },
  { key: 'archHeightMethod', label: 'Arch height method' },
  { key: 'smcArchHeightMm', label: 'Smallest meaningful change, arch height (mm)' },
  { key: 'smcFootLengthMm', label: 'Smallest meaningful change, foot length (mm)' },
  { key: 'smcNavicularDropMm', label: 'Smallest meaningful change, navicular drop (mm)' },
  { key: 'smcArchHeightIndex', label: 'Smallest meaningful change, arch height index' },
  { key: 'reviewIntervalWeeks', label: 'Review interval (weeks)' },
  { key: 'lockAfterMinutes', label: 'Lock the screen after (minutes without input)' },
  { key: 'language', label: 'Language' },
]

function shownSetting(key: keyof SettingsDraft, v: unknown): string {
  if (key === 'archHeightMethod') return ARCH_HEIGHT_METHOD_LABELS[v as ArchHeightMethod]
  if (key === 'logoDataUrl') return v ? 'An image' : 'No logo'
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
  const [base, setBase] = useState(settings)
  const [initial, setInitial] = useState(() => settingsToDraft(settings))
  const [draft, setDraft] = useState(initial)
  const [status, setStatus] = useState<string | null>(null)
  const conflict = useConflictReview(REVIEWED, shownSetting)
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
        setStatus('Settings saved.')
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
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Clinic settings">
      <Stack gap="md">
        {failure && (
          <Alert color="red" title="Not saved" role="alert">
            {failure}
          </Alert>
        )}
        {changedElsewhere && (
          <Text size="sm" role="status">
            The clinic settings were changed on another workstation while you were editing. Your changes stay in the form; saving shows theirs next to yours.
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
        <Fieldset legend="Clinic (printed on handouts and reports)" style={{ minWidth: 0 }}>
          <Stack gap="sm">
            <TextInput label="Clinic name" {...text('clinicName')} />
            <Textarea label="Address" autosize minRows={2} maxRows={5} value={draft.address}
              onChange={(e) => patch({ address: e.currentTarget.value })} error={errors.address} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Phone" type="tel" autoComplete="off" {...text('phone')} />
              <TextInput label="Email" type="email" autoComplete="off" {...text('email')} />
            </SimpleGrid>
            <Group align="flex-end" gap="md" wrap="wrap">
              <FileInput
                label="Logo"
                description="PNG or JPEG, at most 500 kB"
                placeholder={draft.logoDataUrl ? 'Choose another image…' : 'Choose an image…'}
                accept="image/png,image/jpeg"
                value={null}
                onChange={(f) => void chooseLogo(f)}
                error={errors.logoDataUrl}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
              />
              {draft.logoDataUrl && (
                <Group gap="sm" align="center">
                  <Image src={draft.logoDataUrl} alt="Logo preview" h={56} w="auto" fit="contain"
                    style={{ maxWidth: 200, background: 'white', borderRadius: 4, padding: 4 }} />
                  <Button variant="light" color="red" size="xs" onClick={() => patch({ logoDataUrl: null })}>
                    Remove logo
                  </Button>
                </Group>
              )}
            </Group>
            <Radio.Group label="Page size for printouts" value={draft.pageSize} onChange={(v) => patch({ pageSize: v as PageSize })}
              error={errors.pageSize}>
              <Group gap="lg" mt={4}>
                {PAGE_SIZES.map((p) => (
                  <Radio key={p} value={p} label={PAGE_SIZE_LABELS[p]} />
                ))}
              </Group>
            </Radio.Group>
            <Select
              label="Clinic language"
              description="The progress report prints in it; each patient's handout prints in the patient's language."
              data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              value={draft.language}
              onChange={(v) => v && patch({ language: v as Language })}
              allowDeselect={false}
              error={errors.language}
              maw={260}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Measurements" style={{ minWidth: 0 }}>
          <Stack gap="md">
            <Radio.Group label="Arch height method" description="Every visit keeps the method it was measured with."
              value={draft.archHeightMethod} onChange={(v) => patch({ archHeightMethod: v as ArchHeightMethod })} error={errors.archHeightMethod}>
              <Stack gap="xs" mt={6}>
                {ARCH_HEIGHT_METHODS.map((m) => (
                  <Radio key={m} value={m} label={ARCH_HEIGHT_METHOD_LABELS[m]} description={METHOD_EXPLANATIONS[m]} />
                ))}
              </Stack>
            </Radio.Group>
            <Stack gap={4}>
              <Text fw={600} size="sm">
                Smallest meaningful change
              </Text>
              <Text size="xs" c="dimmed">
                A change at or above this is meaningful; a smaller one is reported as “within measurement error”. Millimetres: 0.5 to 10,
                one decimal; the index: 0.005 to 0.100, three decimals. “1,5” and “1.5” both work.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                <TextInput label="Arch height (mm)" inputMode="decimal" autoComplete="off" {...text('smcArchHeightMm')} />
                <TextInput label="Foot length (mm)" inputMode="decimal" autoComplete="off" {...text('smcFootLengthMm')} />
                <TextInput label="Navicular drop (mm)" inputMode="decimal" autoComplete="off" {...text('smcNavicularDropMm')} />
                <TextInput label="Arch height index" inputMode="decimal" autoComplete="off" {...text('smcArchHeightIndex')} />
              </SimpleGrid>
            </Stack>
          </Stack>
        </Fieldset>

        <Fieldset legend="Programs" style={{ minWidth: 0 }}>
          <TextInput label="Default review interval (weeks)" description="A new program's review date is this many weeks after its start."
            inputMode="numeric" autoComplete="off" maw={320} {...text('reviewIntervalWeeks')} />
        </Fieldset>

        <Fieldset legend="Privacy" style={{ minWidth: 0 }}>
          <TextInput label="Lock the screen after (minutes without input)" description="From 1 to 30. The lock screen hides every patient; the PIN returns to the same screen, typed forms intact."
            inputMode="numeric" autoComplete="off" maw={320} {...text('lockAfterMinutes')} />
        </Fieldset>

        <Group justify="flex-end" gap="sm">
          {status && (
            <Text role="status" c="teal" fw={600}>
              {status}
            </Text>
          )}
          <Button type="submit" loading={saving}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
