// The locked screen: whose session it is and a PIN field, nothing else of the clinic's data (the
// app behind it is not rendered). "Switch user" signs them out; what they typed is discarded.
import { useState, type FormEvent } from 'react'
import { Alert, Button, Center, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import type { SessionState, SignedInUser } from '@shared/domain/user'
import { api } from '../api'
import { hasKeptDrafts } from '../lib/keptDrafts'

export function LockScreen({ user, onUnlocked, onSwitchUser }: { user: SignedInUser; onUnlocked(s: SessionState): void; onSwitchUser(): void }) {
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmSwitch, setConfirmSwitch] = useState(false)

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
        <form onSubmit={unlock} noValidate aria-label="Unlock">
          <Stack gap="md">
            <Title order={1}>Locked</Title>
            <Text>
              <Text span fw={700}>
                {user.displayName}
              </Text>{' '}
              is signed in. Type your PIN to go back to where you were.
            </Text>
            <PasswordInput label="PIN or passphrase" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={error} autoComplete="current-password" autoFocus />
            <Button type="submit" loading={busy}>
              Unlock
            </Button>
            <Button variant="subtle" onClick={switchUser}>
              Switch user
            </Button>
          </Stack>
        </form>
      </Paper>
      <Modal opened={confirmSwitch} onClose={() => setConfirmSwitch(false)} title="Switch user?" centered>
        <Stack>
          <Alert color="orange">{user.displayName} has a form that is not saved yet. Switching user signs them out and discards it.</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmSwitch(false)} data-autofocus>
              Stay locked
            </Button>
            <Button color="red" onClick={onSwitchUser}>
              Discard and switch user
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Center>
  )
}
