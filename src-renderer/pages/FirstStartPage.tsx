// The first start: the clinic's first administrator (a new person, or one of the therapists of a
// clinic from before sign-in), their PIN, and the recovery code shown once.
import { useState, type FormEvent } from 'react'
import { Alert, Button, Center, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import { suggestLoginName, type FirstAdministratorResult, type SessionState, type SetupStatus } from '@shared/domain/user'
import { api } from '../api'
import { NewPinFields, pinPairError } from '../components/signin/PinFields'
import { RecoveryCodeNotice } from '../components/signin/RecoveryCodeNotice'
import { issuesToErrors, type FieldErrors } from '../components/exercise/dosageDraft'

const NEW_PERSON = 'new'

export function FirstStartPage({ status, onDone }: { status: SetupStatus; onDone(session: SessionState): void }) {
  const [who, setWho] = useState<string>(status.existingUsers.length > 0 ? '' : NEW_PERSON)
  const [displayName, setDisplayName] = useState('')
  const [loginName, setLoginName] = useState('')
  const [loginTouched, setLoginTouched] = useState(false)
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [done, setDone] = useState<FirstAdministratorResult | null>(null)

  const existing = status.existingUsers.find((u) => String(u.id) === who)
  const nameForLogin = existing?.displayName ?? displayName
  const shownLogin = loginTouched ? loginName : suggestLoginName(nameForLogin)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const typing: FieldErrors = {}
    if (who === '') typing.existingUserId = 'Choose who you are'
    const mismatch = pinPairError(pin, repeat)
    if (mismatch) typing.repeat = mismatch
    setErrors(typing)
    if (Object.keys(typing).length > 0) return
    setSaving(true)
    setFailure(null)
    try {
      const result = await api.session.createFirstAdministrator({
        ...(existing ? { existingUserId: existing.id } : { displayName }),
        loginName: shownLogin,
        secret: pin,
      })
      setDone(result)
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0) setErrors(issuesToErrors(err.issues))
      else setFailure(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  if (done) {
    return (
      <Center mih="100vh" p="md">
        <Paper maw={620} w="100%" p="xl" withBorder component="main">
          <RecoveryCodeNotice code={done.recoveryCode} onContinue={() => onDone(done.session)} />
        </Paper>
      </Center>
    )
  }

  return (
    <Center mih="100vh" p="md">
      <Paper maw={520} w="100%" p="xl" withBorder component="main">
        <form onSubmit={submit} noValidate aria-label="Set up the first administrator">
          <Stack gap="md">
            <Title order={1}>Welcome to Footcore</Title>
            <Text>Set up the clinic’s first administrator. They manage the clinic’s settings and users, and can do everything a therapist does.</Text>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            {status.existingUsers.length > 0 && (
              <Select
                label="Who are you?"
                description="This clinic’s therapists from before sign-in. Each of the others chooses a PIN later, with a code you give them in Settings → Users."
                placeholder="Choose yourself"
                data={[...status.existingUsers.map((u) => ({ value: String(u.id), label: u.displayName })), { value: NEW_PERSON, label: 'Someone new' }]}
                value={who || null}
                onChange={(v) => setWho(v ?? '')}
                error={errors.existingUserId}
                allowDeselect={false}
              />
            )}
            {who === NEW_PERSON && <TextInput label="Your name" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} autoComplete="name" />}
            <TextInput
              label="Sign-in name"
              description="What you type to sign in."
              value={shownLogin}
              onChange={(e) => {
                setLoginTouched(true)
                setLoginName(e.currentTarget.value)
              }}
              error={errors.loginName}
              autoCapitalize="none"
              spellCheck={false}
              autoComplete="username"
            />
            <NewPinFields pin={pin} repeat={repeat} onPin={setPin} onRepeat={setRepeat} pinError={errors.secret} repeatError={errors.repeat} />
            <Button type="submit" loading={saving}>
              Create the administrator
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
