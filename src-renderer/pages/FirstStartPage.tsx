// The first start: the clinic's first administrator (a new person, or one of the therapists of a
// clinic from before sign-in), their PIN, and the recovery code shown once.
import { useState, type FormEvent } from 'react'
import { Alert, Button, Center, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import { suggestLoginName, type FirstAdministratorResult, type SessionState, type SetupStatus } from '@shared/domain/user'
import { api } from '../api'
import { useT } from '../i18n'
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
  const t = useT()

  const existing = status.existingUsers.find((u) => String(u.id) === who)
  const nameForLogin = existing?.displayName ?? displayName
  const shownLogin = loginTouched ? loginName : suggestLoginName(nameForLogin)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const typing: FieldErrors = {}
    if (who === '') typing.existingUserId = t('firstStart.who.missing')
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
        <form onSubmit={submit} noValidate aria-label={t('firstStart.form')}>
          <Stack gap="md">
            <Title order={1}>{t('firstStart.title')}</Title>
            <Text>{t('firstStart.intro')}</Text>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            {status.existingUsers.length > 0 && (
              <Select
                label={t('firstStart.who')}
                description={t('firstStart.who.description')}
                placeholder={t('firstStart.who.placeholder')}
                data={[...status.existingUsers.map((u) => ({ value: String(u.id), label: u.displayName })), { value: NEW_PERSON, label: t('firstStart.who.someoneNew') }]}
                value={who || null}
                onChange={(v) => setWho(v ?? '')}
                error={errors.existingUserId}
                allowDeselect={false}
              />
            )}
            {who === NEW_PERSON && <TextInput label={t('firstStart.name')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} autoComplete="name" />}
            <TextInput
              label={t('firstStart.login')}
              description={t('firstStart.login.description')}
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
              {t('firstStart.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
