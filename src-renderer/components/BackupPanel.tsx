// Backups in Settings: the list, "Back up now", and restore with a confirmation (shared with the recovery screen).
import { useCallback, useEffect, useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { type BackupInfo, type RestorePreview } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import { api } from '../api'
import { t, useT } from '../i18n'
import { decimal, formatDateTime } from '../lib/format'
import { backupReasonLabel } from '../lib/labels'

/** "26 Nov 2026, 10:15" in the computer's local time. */
export const backupTime = (b: BackupInfo): string => formatDateTime(b.createdAt)

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return t('backups.kB', { size: String(Math.max(1, Math.round(bytes / 1024))) })
  return t('backups.MB', { size: decimal(bytes / (1024 * 1024), 1) })
}

const plain = (e: unknown) => (e instanceof ApiError ? e.message : t('notify.unexpected'))

interface BackupListProps {
  backups: BackupInfo[]
  /** recovery.restore on the recovery screen, backups.restore in Settings. */
  restore: (name: string) => Promise<unknown>
  /** What happens to the records in use, said in the confirmation (when there is no preview). */
  currentFileNote: string
  /** What the restore would set aside, said before confirming (Settings; the recovery screen has no open file to compare). */
  preview?: (name: string) => Promise<RestorePreview>
}

/** The confirmation's account of what a restore sets aside, brings back, and where it keeps the records in use. */
export function previewSentences(p: RestorePreview): string[] {
  const setAside =
    p.visitsSetAside === 0 && p.patientsSetAside === 0
      ? t('backups.nothingSetAside')
      : t('backups.setAside', { visits: p.visitsSetAside, patients: p.patientsSetAside })
  const back = p.patientsComingBack > 0 ? [t('backups.comingBack', { count: p.patientsComingBack })] : []
  return [setAside, ...back, t('backups.keptAside', { name: p.keptAsideAs, folder: p.keptAsideIn })]
}

/** The backups, newest first, each with "Restore…" behind a confirmation. Reloads the app after a restore. */
export function BackupList({ backups, restore, currentFileNote, preview }: BackupListProps) {
  const t = useT()
  const [chosen, setChosen] = useState<BackupInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [consequences, setConsequences] = useState<string[] | null>(null)

  function choose(b: BackupInfo) {
    setChosen(b)
    setFailure(null)
    setConsequences(null)
    if (!preview) return
    preview(b.name).then(
      (p) => setConsequences(previewSentences(p)),
      (e: unknown) => setFailure(plain(e)),
    )
  }

  async function confirm() {
    if (!chosen) return
    setBusy(true)
    setFailure(null)
    try {
      await restore(chosen.name)
      setDone(true)
      // Every page holds records from the old file: start again from the restored one.
      window.location.reload()
    } catch (e) {
      setFailure(plain(e))
      setBusy(false)
    }
  }

  if (backups.length === 0) return <Text c="dimmed">{t('backups.none')}</Text>
  return (
    <>
      <Table aria-label={t('backups.title')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.madeOn')}</Table.Th>
            <Table.Th>{t('backups.kind')}</Table.Th>
            <Table.Th>{t('backups.size')}</Table.Th>
            <Table.Th aria-label={t('backups.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b, i) => (
            <Table.Tr key={b.name}>
              <Table.Td>
                {backupTime(b)}{' '}
                {i === 0 && (
                  <Badge variant="light" ml="xs">
                    {t('backups.newest')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{backupReasonLabel(b.reason)}</Table.Td>
              <Table.Td>{sizeText(b.sizeBytes)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => choose(b)} aria-label={t('backups.restoreFrom', { time: backupTime(b) })}>
                  {t('backups.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={chosen !== null} onClose={() => !busy && setChosen(null)} title={t('backups.confirmTitle')} centered>
        {chosen && (
          <Stack>
            <Text>
              {t('backups.goBackBefore')}
              <b>{backupTime(chosen)}</b>
              {t('backups.goBackAfter')}
            </Text>
            {!preview ? (
              <Text>{currentFileNote}</Text>
            ) : consequences ? (
              consequences.map((line) => (
                <Text key={line} data-testid="restore-consequence">
                  {line}
                </Text>
              ))
            ) : (
              !failure && <Loader size="sm" aria-label={t('backups.counting')} />
            )}
            {failure && (
              <Alert color="red" role="alert" title={t('backups.notRestored')}>
                {failure}
              </Alert>
            )}
            {done && <Text role="status">{t('backups.restored')}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)} disabled={busy} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void confirm()} loading={busy} disabled={preview !== undefined && consequences === null}>
                {t('backups.restoreButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}

export function BackupPanel() {
  const t = useT()
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [made, setMade] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      setBackups(await api.backups.list({}))
    } catch (e) {
      setFailure(plain(e))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  async function backUpNow() {
    setBusy(true)
    setFailure(null)
    setMade(null)
    try {
      const b = await api.backups.create({})
      setMade(t('backups.made', { time: backupTime(b) }))
      await load()
    } catch (e) {
      setFailure(plain(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="sm" aria-labelledby="backups-title">
      <Group justify="space-between">
        <Title order={2} id="backups-title">
          {t('backups.title')}
        </Title>
        <Button onClick={() => void backUpNow()} loading={busy}>
          {t('backups.backUpNow')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('backups.explain')}
      </Text>
      {made && (
        <Alert color="teal" role="status">
          {made}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" title={t('notify.notDone')}>
          {failure}
        </Alert>
      )}
      {backups === null ? (
        !failure && <Loader aria-label={t('backups.loading')} />
      ) : (
        <BackupList
          backups={backups}
          restore={(name) => api.backups.restore({ name })}
          preview={(name) => api.backups.preview({ name })}
          currentFileNote={t('backups.currentFileNote')}
        />
      )}
    </Stack>
  )
}
