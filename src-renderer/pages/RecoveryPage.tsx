// The recovery screen: shown instead of the app when the clinic database could not be opened.
import { useEffect, useState, type ReactNode } from 'react'
import { Alert, Code, Container, List, Loader, Stack, Text, Title } from '@mantine/core'
import type { RecoveryState, RecoveryStatus } from '@shared/domain/backup'
import { api } from '../api'
import { BackupList } from '../components/BackupPanel'

const WHAT_HAPPENED: Record<Exclude<RecoveryState, 'ok'>, { title: string; body: string }> = {
  damaged: {
    title: 'The clinic records are damaged',
    body:
      'The file that holds the clinic’s records failed its safety check when Footcore started. This can happen after a power cut, ' +
      'a full disk or a failing drive. Footcore has not changed the file and will not write to it.',
  },
  unreadable: {
    title: 'The clinic records could not be read',
    body:
      'Footcore could not open the file that holds the clinic’s records. Another program may be using it, its folder may not allow ' +
      'changes, or the drive may be failing. Footcore has not changed the file.',
  },
  schema_too_new: {
    title: 'These records need a newer Footcore',
    body:
      'The records were last saved by a newer version of Footcore. Install that version to open them. Restoring an older backup ' +
      'instead would leave out the work saved since that backup.',
  },
  migration_failed: {
    title: 'Updating the clinic records failed',
    body: 'Footcore could not update the records to this version. A backup was made before the update was tried.',
  },
}

export function RecoveryPage() {
  const [status, setStatus] = useState<RecoveryStatus | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    api.recovery
      .status({})
      .then(setStatus)
      .catch(() => setFailure('Footcore is not answering. Start it again and reload this page.'))
  }, [])

  if (failure) return <Alert color="red">{failure}</Alert>
  if (!status) return <Loader aria-label="Loading" m="xl" />
  const what = status.state === 'ok' ? null : WHAT_HAPPENED[status.state]

  return (
    <Container size="md" py="xl">
      <Stack>
        <Title order={1}>{what?.title ?? 'The clinic records are open'}</Title>
        {what && <Text size="lg">{what.body}</Text>}
        <Title order={2} size="h3">
          What you can do
        </Title>
        {status.backups.length > 0 ? (
          <>
            <Text>
              Restore a backup: the records go back to how they were when it was made. The newest backup is at the top. The current file
              is set aside under a new name and kept for 35 days, so IT support can still try to rescue what was entered after the backup.
            </Text>
            <BackupList
              backups={status.backups}
              restore={(name) => api.recovery.restore({ name })}
              currentFileNote="The current file (and its journal files) are renamed and kept next to the records for 35 days, then deleted with the old backups."
            />
          </>
        ) : (
          <Alert color="yellow" title="There is no backup to restore">
            Keep the file as it is and do not delete it. Contact your IT support with the details below.
          </Alert>
        )}
        <List size="sm" c="dimmed">
          <List.Item>
            Records file: <Code>{status.file}</Code>
          </List.Item>
          <List.Item>Backups folder: the “backups” folder next to it.</List.Item>
          <List.Item>Details for IT support: {status.message}</List.Item>
        </List>
      </Stack>
    </Container>
  )
}

/** Asks main once at start whether the records opened; shows the recovery screen when they did not. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RecoveryState | 'checking'>('checking')
  useEffect(() => {
    api.recovery
      .status({})
      .then((s) => setState(s.state))
      // If even this call fails, the app's own pages show the error in their words.
      .catch(() => setState('ok'))
  }, [])
  if (state === 'checking') return null
  return state === 'ok' ? <>{children}</> : <RecoveryPage />
}
