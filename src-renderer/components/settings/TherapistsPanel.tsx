// Therapists: list (active and inactive), add, edit name and credentials, deactivate and reactivate.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import type { Therapist } from '@shared/domain/therapist'
import { api } from '../../api'
import { useSession } from '../../session'
import { issuesToErrors, type FieldErrors } from '../exercise/dosageDraft'
import { useLeaveGuard } from '../program/useLeaveGuard'
import { ConflictReview, isStaleVersion, plainValue, useConflictReview, type ReviewedField } from '../ConflictReview'

const wrap = { overflowWrap: 'anywhere' } as const

export function TherapistsPanel() {
  const session = useSession()
  const [therapists, setTherapists] = useState<Therapist[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<number | null>(null)
  const [showInactive, setShowInactive] = useState(true)

  const load = useCallback(async () => {
    try {
      setTherapists(await api.therapists.list({ includeInactive: true }))
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  async function afterChange(message: string) {
    setStatus(message)
    setFailure(null)
    await Promise.all([load(), session.refresh()])
  }

  async function setActive(t: Therapist, active: boolean) {
    setStatus(null)
    setFailure(null)
    try {
      if (active) await api.therapists.reactivate({ id: t.id, version: t.version })
      else await api.therapists.deactivate({ id: t.id, version: t.version })
      await afterChange(active ? `${t.displayName} is active again.` : `${t.displayName} is now inactive.`)
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="therapists-title">
      <Title order={2} id="therapists-title">
        Therapists
      </Title>
      <Text size="sm" c="dimmed">
        Everyone who records visits or programs. Inactive therapists keep their records but cannot be chosen as working.
      </Text>
      {failure && (
        <Alert color="red" role="alert" title="Not done">
          {failure}
        </Alert>
      )}
      {status && (
        <Text role="status" c="teal" fw={600}>
          {status}
        </Text>
      )}
      {therapists && therapists.some((t) => !t.active) && (
        <Switch
          label="Show inactive therapists"
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      )}
      {therapists && therapists.length === 0 && (
        <Text size="sm">No therapists yet. Add the first one below; they will be chosen as the one working at this computer.</Text>
      )}
      {therapists && therapists.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Therapists" verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="35%">Name</Table.Th>
                <Table.Th w="25%">Credentials</Table.Th>
                <Table.Th w="15%">Status</Table.Th>
                <Table.Th w="25%">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {therapists.filter((t) => showInactive || t.active || t.id === editingId).map((t) =>
                editingId === t.id ? (
                  <Table.Tr key={t.id}>
                    <Table.Td colSpan={4}>
                      <TherapistForm
                        therapist={t}
                        onCancel={() => setEditingId(null)}
                        onSaved={async (saved) => {
                          setEditingId(null)
                          await afterChange(`Saved ${saved.displayName}.`)
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={t.id}>
                    <Table.Td style={wrap}>
                      {t.displayName}
                      {session.therapist?.id === t.id && (
                        <Badge ml="xs" size="sm" variant="light">
                          Working now
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={wrap}>{t.credentials ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={t.active ? 'teal' : 'gray'} variant="light">
                        {t.active ? 'Active' : 'Inactive'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="wrap">
                        <Button size="xs" variant="default" aria-label={`Edit ${t.displayName}`} onClick={() => setEditingId(t.id)}>
                          Edit
                        </Button>
                        {t.active ? (
                          <Button size="xs" variant="light" color="red" aria-label={`Deactivate ${t.displayName}`} onClick={() => void setActive(t, false)}>
                            Deactivate
                          </Button>
                        ) : (
                          <Button size="xs" variant="light" aria-label={`Reactivate ${t.displayName}`} onClick={() => void setActive(t, true)}>
                            Reactivate
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          Add a therapist
        </Title>
        <TherapistForm
          therapist={null}
          onSaved={async (created) => {
            await afterChange(`Added ${created.displayName}.`)
            // The first therapist (or anyone, when nobody is chosen yet) becomes the one working.
            if (session.therapist === null) session.chooseTherapist(created.id)
          }}
        />
      </Paper>
    </Stack>
  )
}

interface FormProps {
  therapist: Therapist | null
  onSaved: (t: Therapist) => Promise<void>
  onCancel?: () => void
}

interface TherapistValues {
  displayName: string
  credentials: string
}
/** The fields shown side by side when someone else saved the therapist meanwhile (the form's labels). */
const REVIEWED: ReviewedField<TherapistValues>[] = [
  { key: 'displayName', label: 'Name' },
  { key: 'credentials', label: 'Credentials' },
]
const therapistValues = (t: Therapist): TherapistValues => ({ displayName: t.displayName, credentials: t.credentials ?? '' })

function TherapistForm({ therapist, onSaved, onCancel }: FormProps) {
  const start = { displayName: therapist?.displayName ?? '', credentials: therapist?.credentials ?? '' }
  // The therapist as the form opened them (the list behind refreshes on changes elsewhere), or as
  // someone else saved them since.
  const [base, setBase] = useState(therapist)
  const conflict = useConflictReview(REVIEWED, (_key, v) => plainValue(v))
  const [displayName, setDisplayName] = useState(start.displayName)
  const [credentials, setCredentials] = useState(start.credentials)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  useLeaveGuard(displayName !== start.displayName || credentials !== start.credentials)

  async function submit(event: FormEvent) {
    event.preventDefault()
    await saveValues({ displayName, credentials })
  }

  /** Someone saved this therapist since the form opened: theirs next to what was typed. */
  async function showTheirs(message: string, typed: TherapistValues) {
    if (!base) return
    const theirs = (await api.therapists.list({ includeInactive: true })).find((t) => t.id === base.id)
    if (!theirs) return setFailure(message)
    conflict.show(message, therapistValues(base), typed, therapistValues(theirs))
    setBase(theirs)
  }

  function applyReview(): TherapistValues {
    const merged = conflict.resolve({ displayName, credentials })
    setDisplayName(merged.displayName)
    setCredentials(merged.credentials)
    return merged
  }

  async function saveValues({ displayName, credentials }: TherapistValues) {
    setSaving(true)
    setFailure(null)
    try {
      const saved = base
        ? await api.therapists.update({ id: base.id, version: base.version, displayName, credentials })
        : await api.therapists.create({ displayName, credentials })
      setErrors({})
      if (!therapist) {
        setDisplayName('')
        setCredentials('')
      }
      await onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') setErrors(issuesToErrors(e.issues))
      else if (isStaleVersion(e)) await showTheirs(e.message, { displayName, credentials }).catch((again: unknown) => setFailure(String(again instanceof Error ? again.message : again)))
      else setFailure(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  const who = therapist ? ` of ${therapist.displayName}` : ''
  return (
    <form onSubmit={submit} noValidate aria-label={therapist ? `Edit ${therapist.displayName}` : 'Add a therapist'}>
      <Stack gap="xs">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {conflict.view && (
          <ConflictReview {...conflict.view} onSave={() => void saveValues(applyReview())} onCancel={() => void applyReview()} saving={saving} />
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Name"
            aria-label={therapist ? `Name${who}` : undefined}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
            style={{ flex: '2 1 14rem', minWidth: 0 }}
          />
          <TextInput
            label="Credentials (optional)"
            aria-label={therapist ? `Credentials${who}` : undefined}
            placeholder="e.g. PT, DPT"
            value={credentials}
            onChange={(e) => setCredentials(e.currentTarget.value)}
            error={errors.credentials}
            style={{ flex: '1 1 10rem', minWidth: 0 }}
          />
          <Group gap="xs" mt={25}>
            <Button type="submit" loading={saving}>
              {therapist ? 'Save' : 'Add therapist'}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
