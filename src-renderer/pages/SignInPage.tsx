// Sign-in: a sign-in name and a PIN (or a one-time code, then one's own PIN), and for an
// administrator who forgot their PIN, the clinic's recovery code. A refusal never says whether
// the name exists.
import { useState, type FormEvent } from 'react'
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import type { FirstAdministratorResult, SessionState } from '@shared/domain/user'
import { api } from '../api'
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
      label="Sign-in name"
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
          <form onSubmit={submitSignIn} noValidate aria-label="Sign in">
            <Stack gap="md">
              <Title order={1}>Sign in to Footcore</Title>
              {alert}
              {nameField}
              <PasswordInput
                label="PIN or passphrase"
                description="New here? Type the one-time code you were given."
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                error={errors.secret}
                autoComplete="current-password"
                autoFocus={loginName !== ''}
              />
              <Button type="submit" loading={busy}>
                Sign in
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={() => (setStep('recover'), setErrors({}), setFailure(null), setPin(''), setRepeat(''))}>
                Forgot your PIN?
              </Anchor>
            </Stack>
          </form>
        )}
        {step === 'choosePin' && (
          <form onSubmit={submitNewPin} noValidate aria-label="Choose your PIN">
            <Stack gap="md">
              <Title order={1}>Choose your PIN</Title>
              <Text>The one-time code worked. Choose the PIN you will sign in and unlock with from now on.</Text>
              {alert}
              <NewPinFields pin={pin} repeat={repeat} onPin={setPin} onRepeat={setRepeat} pinError={errors.newSecret} repeatError={errors.repeat} />
              <Button type="submit" loading={busy}>
                Save my PIN and sign in
              </Button>
            </Stack>
          </form>
        )}
        {step === 'recover' && (
          <form onSubmit={submitRecovery} noValidate aria-label="Use the recovery code">
            <Stack gap="md">
              <Title order={1}>Forgot your PIN?</Title>
              <Text size="sm">
                An administrator can choose a new PIN with the clinic’s recovery code (printed when the clinic was set up). Anyone else: ask an administrator for a one-time code.
              </Text>
              {alert}
              {nameField}
              <TextInput label="Recovery code" value={recoveryCode} onChange={(e) => setRecoveryCode(e.currentTarget.value)} error={errors.recoveryCode} autoCapitalize="characters" spellCheck={false} autoComplete="off" />
              <NewPinFields label="New PIN" pin={pin} repeat={repeat} onPin={setPin} onRepeat={setRepeat} pinError={errors.newSecret} repeatError={errors.repeat} />
              <Button type="submit" loading={busy}>
                Set the new PIN and sign in
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={() => (setStep('signIn'), setErrors({}), setFailure(null))}>
                Back to sign-in
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  )
}
