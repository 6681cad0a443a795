// Sign-in: a sign-in name and a PIN (or a one-time code, then one's own PIN), and for an
// administrator who forgot their PIN, the clinic's recovery code. A refusal never says whether
// the name exists.
import { useState, type FormEvent } from 'react'
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import type { FirstAdministratorResult, SessionState } from '@shared/domain/user'
import { api } from '../api'
import { useT } from '../i18n'
import { NewPinFields, pinPairError } from '../components/signin/PinFields'
import { RecoveryCodeNotice } from '../components/signin/RecoveryCodeNotice'
import { issuesToErrors, type FieldErrors } from '../components/exercise/dosageDraft'

/** The last sign-in name on this computer: typed once, offered again (a name, never a PIN). */
const LAST_LOGIN = 'footcore.lastLogin'

type Step = 'signIn' | 'choosePin' | 'recover'

function errorsOf(e: unknown): { errors: FieldErrors; failure: string | null } {
  if (e instanceof ApiError && e.issues.length > 0) return { errors: issuesToErrors(e.issues), failure: null }
  return { errors: {}, failure: e instanceof Error ? e.message : String(e) }
}

export function SignInPage({ onSignedIn }: { onSignedIn(session: SessionState): void }) {
  const [step, setStep] = useState<Step>('signIn')
  const [loginName, setLoginName] = useState(() => window.localStorage.getItem(LAST_LOGIN) ?? '')
  const [secret, setSecret] = useState('')
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [recoveryCode, setRecoveryCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [recovered, setRecovered] = useState<FirstAdministratorResult | null>(null)
  const t = useT()

  async function run(work: () => Promise<void>) {
    setBusy(true)
    setFailure(null)
    try {
      await work()
    } catch (e) {
      const { errors, failure } = errorsOf(e)
      setErrors(errors)
      setFailure(failure)
    } finally {
      setBusy(false)
    }
  }

  function signedIn(session: SessionState) {
    window.localStorage.setItem(LAST_LOGIN, loginName.trim().toLowerCase())
    onSignedIn(session)
  }

  function submitSignIn(e: FormEvent) {
    e.preventDefault()
    setErrors({})
    void run(async () => {
      const r = await api.session.signIn({ loginName, secret })
      if (r.status === 'chooseSecret') return setStep('choosePin')
      signedIn(r.session)
    })
  }

  function submitNewPin(e: FormEvent) {
    e.preventDefault()
    const mismatch = pinPairError(pin, repeat)
    setErrors(mismatch ? { repeat: mismatch } : {})
    if (mismatch) return
    void run(async () => {
      try {
        const r = await api.session.signIn({ loginName, secret, newSecret: pin })
        if (r.status === 'signedIn') signedIn(r.session)
      } catch (err) {
        // The code was refused meanwhile: back to the first step, where the sentence belongs.
        if (err instanceof ApiError && err.issues.some((i) => i.path[0] === 'secret')) setStep('signIn')
        throw err
      }
    })
  }

  function submitRecovery(e: FormEvent) {
    e.preventDefault()
    const mismatch = pinPairError(pin, repeat)
    setErrors(mismatch ? { repeat: mismatch } : {})
    if (mismatch) return
    void run(async () => setRecovered(await api.session.recover({ loginName, recoveryCode, newSecret: pin })))
  }

  if (recovered) {
    return (
      <Center mih="100vh" p="md">
        <Paper maw={620} w="100%" p="xl" withBorder component="main">
          <RecoveryCodeNotice code={recovered.recoveryCode} onContinue={() => signedIn(recovered.session)} />
        </Paper>
      </Center>
    )
  }

  const alert = failure && (
    <Alert color="red" role="alert">
      {failure}
    </Alert>
  )
  const nameField = (
    <TextInput
      label={t('signIn.name')}
      value={loginName}
      onChange={(e) => setLoginName(e.currentTarget.value)}
      error={errors.loginName}
      autoCapitalize="none"
      spellCheck={false}
      autoComplete="username"
      data-autofocus={loginName === '' ? true : undefined}
    />
  )

  return (
    <Center mih="100vh" p="md">
      <Paper maw={440} w="100%" p="xl" withBorder component="main">
        {step === 'signIn' && (
          <form onSubmit={submitSignIn} noValidate aria-label={t('signIn.form')}>
            <Stack gap="md">
              <Title order={1}>{t('signIn.title')}</Title>
              {alert}
              {nameField}
              <PasswordInput
                label={t('signIn.secret')}
                description={t('signIn.secret.description')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                error={errors.secret}
                autoComplete="current-password"
                autoFocus={loginName !== ''}
              />
              <Button type="submit" loading={busy}>
                {t('signIn.submit')}
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={() => (setStep('recover'), setErrors({}), setFailure(null), setPin(''), setRepeat(''))}>
                {t('signIn.forgot')}
              </Anchor>
            </Stack>
          </form>
        )}
        {step === 'choosePin' && (
          <form onSubmit={submitNewPin} noValidate aria-label={t('signIn.choosePin.title')}>
            <Stack gap="md">
              <Title order={1}>{t('signIn.choosePin.title')}</Title>
              <Text>{t('signIn.choosePin.body')}</Text>
              {alert}
              <NewPinFields pin={pin} repeat={repeat} onPin={setPin} onRepeat={setRepeat} pinError={errors.newSecret} repeatError={errors.repeat} />
              <Button type="submit" loading={busy}>
                {t('signIn.choosePin.submit')}
              </Button>
            </Stack>
          </form>
        )}
        {step === 'recover' && (
          <form onSubmit={submitRecovery} noValidate aria-label={t('signIn.recover.form')}>
            <Stack gap="md">
              <Title order={1}>{t('signIn.forgot')}</Title>
              <Text size="sm">{t('signIn.recover.body')}</Text>
              {alert}
              {nameField}
              <TextInput label={t('signIn.recover.code')} value={recoveryCode} onChange={(e) => setRecoveryCode(e.currentTarget.value)} error={errors.recoveryCode} autoCapitalize="characters" spellCheck={false} autoComplete="off" />
              <NewPinFields label={t('signIn.recover.newPin')} pin={pin} repeat={repeat} onPin={setPin} onRepeat={setRepeat} pinError={errors.newSecret} repeatError={errors.repeat} />
              <Button type="submit" loading={busy}>
                {t('signIn.recover.submit')}
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={() => (setStep('signIn'), setErrors({}), setFailure(null))}>
                {t('signIn.recover.back')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  )
}
