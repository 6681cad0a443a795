// Settings → "Clinic database": where this workstation's records are, testing a PostgreSQL server,
// choosing it, and moving this clinic's records from the file on this computer to the server.
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import type { DatabaseServerCheck, DatabaseStatus } from '@shared/domain/database'
import { api } from '../../api'
import { useDraftSubmit } from '../../lib/useDraftSubmit'

function checkSentence(c: DatabaseServerCheck): string {
  const holds = c.holds === 'empty' ? 'The database is empty: this clinic’s records can be moved there.' : `It holds a Footcore clinic with ${c.patients.toLocaleString()} patient${c.patients === 1 ? '' : 's'}.`
  return `Connected to PostgreSQL ${c.serverVersion} at ${c.where}. ${holds}`
}

export function ClinicDatabasePanel() {
  const [status, setStatus] = useState<DatabaseStatus | null>(null)
  const [address, setAddress] = useState('')
  const [password, setPassword] = useState('')
  const [check, setCheck] = useState<DatabaseServerCheck | null>(null)
  const [confirming, setConfirming] = useState<'move' | 'use' | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const { errors, failure, saving, submit } = useDraftSubmit(form, /^(address|password)$/)

  useEffect(() => {
    api.database.status({}).then(setStatus, () => setStatus(null))
  }, [])

  const server = () => ({ address, password })
  const test = () =>
    submit({}, async () => {
      setCheck(null)
      setCheck(await api.database.testServer(server()))
    })
  const switchOver = () =>
    submit({}, async () => {
      if (confirming === 'move') await api.database.moveToServer(server())
      else await api.database.useServer(server())
      // Every page holds records of the database before: start again on the server.
      window.location.reload()
    })

  if (!status) return null
  return (
    <Stack gap="sm">
      <Title order={2}>Clinic database</Title>
      <Text>
        {status.dialect === 'sqlite' ? 'This workstation keeps the clinic’s records in a file on this computer: ' : 'This workstation works on the clinic database server '}
        <Text span fw={600}>
          {status.where}
        </Text>
      </Text>
      {!status.canChoose ? (
        <Text c="dimmed">The database was named when Footcore was started (--db or --database); change it there.</Text>
      ) : (
        <form
          ref={form}
          aria-label="Clinic database server"
          onSubmit={(e) => {
            e.preventDefault()
            void test()
          }}
        >
          <Stack gap="xs" maw={560}>
            <Text size="sm">
              A clinic with several workstations keeps its records on one PostgreSQL server (13 or newer). Ask for an empty database on it, then test the
              connection here.
            </Text>
            <TextInput
              label="Server address"
              description="postgres://user@server:5432/footcore (add ?sslmode=require for an encrypted connection)"
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={errors.address}
              autoComplete="off"
              spellCheck={false}
            />
            <PasswordInput
              label="Password"
              description={
                status.passwordStorage === 'encrypted'
                  ? 'Kept encrypted by this computer’s operating system, never in plain text.'
                  : 'Not stored on this computer: put it in the PostgreSQL password file (~/.pgpass) of this computer’s user, or start Footcore with --database.'
              }
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              autoComplete="off"
            />
            {failure && (
              <Alert color="red" role="alert" title="Not connected">
                {failure}
              </Alert>
            )}
            {check && (
              <Alert color="teal" role="status" title="Connection works">
                {checkSentence(check)}
              </Alert>
            )}
            <Group>
              <Button type="submit" variant="default" loading={saving && confirming === null}>
                Test connection
              </Button>
              {check && status.dialect === 'sqlite' && check.holds === 'empty' && (
                <Button onClick={() => setConfirming('move')}>Move this clinic’s records to the server</Button>
              )}
              {check && check.holds === 'clinic' && <Button onClick={() => setConfirming('use')}>Work on this server</Button>}
            </Group>
          </Stack>
        </form>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'move' ? 'Move the records to the server?' : 'Work on this server?'}
      >
        <Stack>
          <Text>
            {confirming === 'move'
              ? `Every record in ${status.where} is copied to ${check?.where ?? 'the server'} and checked table by table. The file on this computer stays as it is, untouched. Afterwards this workstation works on the server; point the other workstations at the same address.`
              : `This workstation will work on the clinic records at ${check?.where ?? 'the server'} from now on. The records in ${status.where} stay on this computer, unchanged, and are no longer shown.`}
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={saving}>
              Cancel
            </Button>
            <Button onClick={() => void switchOver()} loading={saving}>
              {confirming === 'move' ? 'Move the records' : 'Work on this server'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
