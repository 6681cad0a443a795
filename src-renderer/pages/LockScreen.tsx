// The locked screen: whose session it is and a PIN field, nothing else of the clinic's data (the
// app behind it is not rendered). "Switch user" signs them out; what they typed is discarded.
import { useState, type FormEvent } from 'react'
import { Alert, Button, Center, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import type { SessionState, SignedInUser } from '@shared/domain/user'
import { api } from '../api'
import { useT } from '../i18n'
import { rich } from './texts'
import { hasKeptDrafts } from '../lib/keptDrafts'

export function LockScreen({ user, onUnlocked, onSwitchUser }: { user: SignedInUser; onUnlocked(s: SessionState): void; onSwitchUser(): void }) {
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmSwitch, setConfirmSwitch] = useState(false)
  const t = useT()

  async function unlock(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    try {
      onUnlocked(await api.session.unlock({ secret }))
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err))
      setSecret('')
    } finally {
      setBusy(false)
    }
  }

  function switchUser() {
    if (hasKeptDrafts()) setConfirmSwitch(true)
    else onSwitchUser()
  }

  return (
    <Center mih="100vh" p="md">
      <Paper maw={420} w="100%" p="xl" withBorder component="main">
        <form onSubmit={unlock} noValidate aria-label={t('lock.form')}>
          <Stack gap="md">
            <Title order={1}>{t('lock.title')}</Title>
            <Text>
              {rich(t, 'lock.body', {
                name: (
                  <Text span fw={700}>
                    {user.displayName}
                  </Text>
                ),
              })}
            </Text>
            <PasswordInput label={t('lock.secret')} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={error} autoComplete="current-password" autoFocus />
            <Button type="submit" loading={busy}>
              {t('lock.unlock')}
            </Button>
            <Button variant="subtle" onClick={switchUser}>
              {t('lock.switchUser')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Modal opened={confirmSwitch} onClose={() => setConfirmSwitch(false)} title={t('lock.switch.title')} centered>
        <Stack>
          <Alert color="orange">{t('lock.switch.body', { name: user.displayName })}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmSwitch(false)} data-autofocus>
              {t('lock.switch.stay')}
            </Button>
            <Button color="red" onClick={onSwitchUser}>
              {t('lock.switch.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Center>
  )
}
