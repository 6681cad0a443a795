// Settings → "Users": the people who sign in, their roles and PINs. The administrator adds a user
// (who gets a one-time code to choose their own PIN), changes a role, gives a new code when a PIN is
// forgotten, deactivates and reactivates, and sees who is locked out after wrong PINs.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { Alert, Badge, Button, Code, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import { USER_ROLES, type User, type UserRole, type UserWithSetupCode } from '@shared/domain/user'
import { api } from '../../api'
import { useAuth } from '../../auth'
import { t, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { roleLabel } from '../../lib/labels'
import { rich } from '../../pages/texts'
import { useSession } from '../../session'
import { issuesToErrors, type FieldErrors } from '../exercise/dosageDraft'
import { useLeaveGuard } from '../program/useLeaveGuard'
import { ConflictReview, isStaleVersion, plainValue, useConflictReview, type ReviewedField } from '../ConflictReview'

const wrap = { overflowWrap: 'anywhere' } as const
const roleOptions = () => USER_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))

/** In words, in the text colour (coloured text on these rows fell under the contrast minimum in dark mode). */
function pinStatus(u: User): { label: string } {
  if (!u.active) return { label: t('users.status.inactive') }
  if (u.lockedOutUntil) return { label: t('users.status.locked', { until: formatDateTime(u.lockedOutUntil) }) }
  if (u.setupPending) return { label: t('users.status.waiting') }
  if (!u.hasSecret) return { label: t('users.status.noPin') }
  return { label: t('users.status.active') }
}

/** The one-time code to hand over, said once (it is never shown again). */
function SetupCodeNotice({ user, onClose }: { user: UserWithSetupCode; onClose(): void }) {
  const t = useT()
  return (
    <Alert color="blue" role="status" title={t('users.code.title', { name: user.displayName })} withCloseButton closeButtonLabel={t('users.code.close')} onClose={onClose}>
      <Text size="sm">{rich(t, 'users.code.how', { login: <Code>{user.loginName}</Code> }, { name: user.displayName })}</Text>
      <Text fw={700} size="xl" ff="monospace" mt={4} aria-label={t('users.code.label')}>
        {user.setupCode}
      </Text>
      <Text size="xs" c="dimmed">
        {t('users.code.once')}
      </Text>
    </Alert>
  )
}

export function UsersPanel() {
  const t = useT()
  const session = useSession()
  const { user: me } = useAuth()
  const [users, setUsers] = useState<User[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [code, setCode] = useState<UserWithSetupCode | null>(null)
  const [editingId, setEditingId] = useState<number | null>(null)
  const [showInactive, setShowInactive] = useState(true)

  const load = useCallback(async () => {
    try {
      setUsers(await api.users.list({}))
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

  async function act(run: () => Promise<unknown>, message: string) {
    setStatus(null)
    setFailure(null)
    try {
      await run()
      await afterChange(message)
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e))
    }
  }

  async function giveCode(u: User) {
    setCode(null)
    await act(async () => setCode(await api.users.resetPin({ id: u.id, version: u.version })), t('users.newCode', { name: u.displayName }))
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="users-title">
      <Title order={2} id="users-title">
        {t('users.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('users.intro')}
      </Text>
      {failure && (
        <Alert color="red" role="alert" title={t('users.notDone')}>
          {failure}
        </Alert>
      )}
      {status && (
        <Text role="status" c="teal" fw={600}>
          {status}
        </Text>
      )}
      {code && <SetupCodeNotice user={code} onClose={() => setCode(null)} />}
      {users && users.some((u) => !u.active) && (
        <Switch label={t('users.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
      )}
      {users && users.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('users.title')} verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{t('users.name')}</Table.Th>
                <Table.Th w="16%">{t('users.loginName')}</Table.Th>
                <Table.Th w="17%">{t('users.role')}</Table.Th>
                <Table.Th w="17%">{t('users.status')}</Table.Th>
                <Table.Th w="26%">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.filter((u) => showInactive || u.active || u.id === editingId).map((u) =>
                editingId === u.id ? (
                  <Table.Tr key={u.id}>
                    <Table.Td colSpan={5}>
                      <UserForm
                        user={u}
                        onCancel={() => setEditingId(null)}
                        onSaved={async (saved) => {
                          setEditingId(null)
                          await afterChange(t('users.saved', { name: saved.displayName }))
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={u.id}>
                    <Table.Td style={wrap}>
                      {u.displayName}
                      {u.credentials && (
                        <Text size="xs" c="dimmed" component="span" display="block">
                          {u.credentials}
                        </Text>
                      )}
                      {me.id === u.id && (
                        <Badge ml="xs" size="sm" variant="light">
                          {t('users.you')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={wrap}>{u.loginName}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t('users.roleOf', { name: u.displayName })}
                        data={roleOptions()}
                        value={u.role}
                        allowDeselect={false}
                        disabled={!u.active}
                        onChange={(v) => v && v !== u.role && void act(() => api.users.setRole({ id: u.id, version: u.version, role: v as UserRole }), t('users.nowRole', { name: u.displayName, role: v }))}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {pinStatus(u).label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="wrap">
                        <Button size="xs" variant="default" aria-label={t('users.editNamed', { name: u.displayName })} onClick={() => setEditingId(u.id)}>
                          {t('users.edit')}
                        </Button>
                        {u.active && (
                          <Button size="xs" variant="default" aria-label={t('users.newPinFor', { name: u.displayName })} onClick={() => void giveCode(u)}>
                            {u.hasSecret || u.setupPending ? t('users.resetPin') : t('users.allowPin')}
                          </Button>
                        )}
                        {u.active ? (
                          <Button size="xs" variant="light" color="red" aria-label={t('users.deactivateNamed', { name: u.displayName })} onClick={() => void act(() => api.users.deactivate({ id: u.id, version: u.version }), t('users.nowInactive', { name: u.displayName }))}>
                            {t('users.deactivate')}
                          </Button>
                        ) : (
                          <Button size="xs" variant="light" aria-label={t('users.reactivateNamed', { name: u.displayName })} onClick={() => void act(() => api.users.reactivate({ id: u.id, version: u.version }), t('users.activeAgain', { name: u.displayName }))}>
                            {t('users.reactivate')}
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
          {t('users.add')}
        </Title>
        <UserForm
          user={null}
          onSaved={async (created) => {
            if ('setupCode' in created) setCode(created as UserWithSetupCode)
            await afterChange(t('users.added', { name: created.displayName }))
          }}
        />
      </Paper>
    </Stack>
  )
}

interface FormProps {
  user: User | null
  onSaved: (u: User) => Promise<void>
  onCancel?: () => void
}

interface UserValues {
  displayName: string
  credentials: string
  loginName: string
}
/** The fields shown side by side when someone else saved the user meanwhile (the form's labels). */
const reviewed = (): ReviewedField<UserValues>[] => [
  { key: 'displayName', label: t('users.name') },
  { key: 'credentials', label: t('users.credentials') },
  { key: 'loginName', label: t('users.loginName') },
]
const userValues = (u: User): UserValues => ({ displayName: u.displayName, credentials: u.credentials ?? '', loginName: u.loginName })

function UserForm({ user: therapist, onSaved, onCancel }: FormProps) {
  const t = useT()
  const start = { displayName: therapist?.displayName ?? '', credentials: therapist?.credentials ?? '', loginName: therapist?.loginName ?? '' }
  // The therapist as the form opened them (the list behind refreshes on changes elsewhere), or as
  // someone else saved them since.
  const [base, setBase] = useState(therapist)
  const conflict = useConflictReview(reviewed(), (_key, v) => plainValue(v))
  const [displayName, setDisplayName] = useState(start.displayName)
  const [credentials, setCredentials] = useState(start.credentials)
  const [loginName, setLoginName] = useState(start.loginName)
  const [role, setRole] = useState<UserRole>('therapist')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  useLeaveGuard(displayName !== start.displayName || credentials !== start.credentials || loginName !== start.loginName)

  async function submit(event: FormEvent) {
    event.preventDefault()
    await saveValues({ displayName, credentials, loginName })
  }

  /** Someone saved this therapist since the form opened: theirs next to what was typed. */
  async function showTheirs(message: string, typed: UserValues) {
    if (!base) return
    const theirs = (await api.users.list({})).find((x) => x.id === base.id)
    if (!theirs) return setFailure(message)
    conflict.show(message, userValues(base), typed, userValues(theirs))
    setBase(theirs)
  }

  function applyReview(): UserValues {
    const merged = conflict.resolve({ displayName, credentials, loginName })
    setDisplayName(merged.displayName)
    setCredentials(merged.credentials)
    setLoginName(merged.loginName)
    return merged
  }

  async function saveValues({ displayName, credentials, loginName }: UserValues) {
    setSaving(true)
    setFailure(null)
    try {
      const saved = base
        ? await api.users.update({ id: base.id, version: base.version, displayName, credentials, loginName })
        : await api.users.create({ displayName, credentials, role, ...(loginName.trim() ? { loginName } : {}) })
      setErrors({})
      if (!therapist) {
        setDisplayName('')
        setCredentials('')
        setLoginName('')
      }
      await onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') setErrors(issuesToErrors(e.issues))
      else if (e instanceof ApiError && e.issues.some((i) => i.path[0] === 'loginName')) setErrors(issuesToErrors(e.issues))
      else if (isStaleVersion(e)) await showTheirs(e.message, { displayName, credentials, loginName }).catch((again: unknown) => setFailure(String(again instanceof Error ? again.message : again)))
      else setFailure(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  const name = therapist?.displayName ?? ''
  return (
    <form onSubmit={submit} noValidate aria-label={therapist ? t('users.editNamed', { name }) : t('users.add')}>
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
            label={t('users.name')}
            aria-label={therapist ? t('users.nameOf', { name }) : undefined}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
            style={{ flex: '2 1 14rem', minWidth: 0 }}
          />
          <TextInput
            label={t('users.credentialsOptional')}
            aria-label={therapist ? t('users.credentialsOf', { name }) : undefined}
            placeholder={t('users.credentialsExample')}
            value={credentials}
            onChange={(e) => setCredentials(e.currentTarget.value)}
            error={errors.credentials}
            style={{ flex: '1 1 10rem', minWidth: 0 }}
          />
          <TextInput
            label={therapist ? t('users.loginName') : t('users.loginNameOptional')}
            aria-label={therapist ? t('users.loginNameOf', { name }) : undefined}
            placeholder={therapist ? undefined : t('users.loginNameExample')}
            value={loginName}
            onChange={(e) => setLoginName(e.currentTarget.value)}
            error={errors.loginName}
            style={{ flex: '1 1 10rem', minWidth: 0 }}
            autoCapitalize="none"
            spellCheck={false}
          />
          {!therapist && (
            <Select label={t('users.role')} data={roleOptions()} value={role} onChange={(v) => v && setRole(v as UserRole)} allowDeselect={false} style={{ flex: '1 1 9rem', minWidth: 0 }} comboboxProps={{ withinPortal: true }} />
          )}
          <Group gap="xs" mt={25}>
            <Button type="submit" loading={saving}>
              {therapist ? t('users.save') : t('users.addUser')}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('program.editor.cancel')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
