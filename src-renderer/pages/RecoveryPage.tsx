// The recovery screen: shown instead of the app when the clinic database could not be opened.
import { useEffect, useState, type ReactNode } from 'react'
import { Alert, Code, Container, List, Loader, Stack, Text, Title } from '@mantine/core'
import type { RecoveryState, RecoveryStatus } from '@shared/domain/backup'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { api } from '../api'
import { useT } from '../i18n'
import { rich } from './texts'
import { BackupList } from '../components/BackupPanel'

const WHAT_HAPPENED: Record<Exclude<RecoveryState, 'ok'>, { title: ScreenKey; body: ScreenKey }> = {
  damaged: { title: 'recovery.damaged.title', body: 'recovery.damaged.body' },
  unreadable: { title: 'recovery.unreadable.title', body: 'recovery.unreadable.body' },
  schema_too_new: { title: 'recovery.schemaTooNew.title', body: 'recovery.schemaTooNew.body' },
  migration_failed: { title: 'recovery.migrationFailed.title', body: 'recovery.migrationFailed.body' },
}

export function RecoveryPage() {
  const [status, setStatus] = useState<RecoveryStatus | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const t = useT()
  useEffect(() => {
    api.recovery
      .status({})
      .then(setStatus)
      .catch(() => setFailure(t('recovery.notAnswering')))
  }, [])

  if (failure) return <Alert color="red">{failure}</Alert>
  if (!status) return <Loader aria-label={t('common.loading')} m="xl" />
  const what = status.state === 'ok' ? null : WHAT_HAPPENED[status.state]

  return (
    <Container size="md" py="xl">
      <Stack>
        <Title order={1}>{t(what?.title ?? 'recovery.open')}</Title>
        {what && <Text size="lg">{t(what.body)}</Text>}
        <Title order={2} size="h3">
          {t('recovery.whatYouCanDo')}
        </Title>
        {status.backups.length > 0 ? (
          <>
            <Text>{t('recovery.restoreIntro')}</Text>
            <BackupList
              backups={status.backups}
              restore={(name) => api.recovery.restore({ name })}
              currentFileNote={t('recovery.currentFileNote')}
            />
          </>
        ) : (
          <Alert color="yellow" title={t('recovery.noBackup.title')}>
            {t('recovery.noBackup.body')}
          </Alert>
        )}
        <List size="sm" c="dimmed">
          <List.Item>{rich(t, 'recovery.file', { file: <Code>{status.file}</Code> })}</List.Item>
          <List.Item>{t('recovery.folder')}</List.Item>
          <List.Item>{t('recovery.details', { message: status.message })}</List.Item>
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
