// Backups in Settings: the list, "Back up now", and restore with a confirmation (shared with the recovery screen).
import { useCallback, useEffect, useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core'
import dayjs from 'dayjs'
import { BACKUP_REASON_LABELS, type BackupInfo, type RestorePreview } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import { api } from '../api'

/** "26 Nov 2026, 10:15" in the computer's local time. */
export const backupTime = (b: BackupInfo): string => dayjs(b.createdAt).format('D MMM YYYY, HH:mm')

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

const plain = (e: unknown) => (e instanceof ApiError ? e.message : 'Something went wrong. Nothing was changed; please try again.')

interface BackupListProps {
  backups: BackupInfo[]
  /** recovery.restore on the recovery screen, backups.restore in Settings. */
  restore: (name: string) => Promise<unknown>
  /** What happens to the records in use, said in the confirmation (when there is no preview). */
  currentFileNote: string
  /** What the restore would set aside, said before confirming (Settings; the recovery screen has no open file to compare). */
  preview?: (name: string) => Promise<RestorePreview>
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The confirmation's account of what a restore sets aside, brings back, and where it keeps the records in use. */
export function previewSentences(p: RestorePreview): string[] {
  const setAside =
    p.visitsSetAside === 0 && p.patientsSetAside === 0
      ? 'No visits or patients were entered after this backup.'
      : `${count(p.visitsSetAside, 'visit', 'visits')} and ${count(p.patientsSetAside, 'patient', 'patients')} entered after this backup will be set aside.`
  const back = p.patientsComingBack > 0 ? [`${count(p.patientsComingBack, 'patient', 'patients')} erased or removed since then will come back.`] : []
  return [setAside, ...back, `The records in use now are kept as ${p.keptAsideAs} in ${p.keptAsideIn} for 35 days, then deleted with the old backups.`]
}

/** The backups, newest first, each with "Restore…" behind a confirmation. Reloads the app after a restore. */
export function BackupList({ backups, restore, currentFileNote, preview }: BackupListProps) {
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

  if (backups.length === 0) return <Text c="dimmed">There are no backups yet.</Text>
  return (
    <>
      <Table aria-label="Backups" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Made on</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b, i) => (
            <Table.Tr key={b.name}>
              <Table.Td>
                {backupTime(b)}{' '}
                {i === 0 && (
                  <Badge variant="light" ml="xs">
                    Newest
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{BACKUP_REASON_LABELS[b.reason]}</Table.Td>
              <Table.Td>{sizeText(b.sizeBytes)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => choose(b)} aria-label={`Restore the backup from ${backupTime(b)}`}>
                  Restore…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={chosen !== null} onClose={() => !busy && setChosen(null)} title="Restore this backup?" centered>
        {chosen && (
          <Stack>
            <Text>
              The clinic records go back to how they were on <b>{backupTime(chosen)}</b>. Anything entered after that is not in this
              backup.
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
              !failure && <Loader size="sm" aria-label="Counting what would be set aside" />
            )}
            {failure && (
              <Alert color="red" role="alert" title="Not restored">
                {failure}
              </Alert>
            )}
            {done && <Text role="status">Restored. Opening the restored records…</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)} disabled={busy} data-autofocus>
                Cancel
              </Button>
              <Button color="red" onClick={() => void confirm()} loading={busy} disabled={preview !== undefined && consequences === null}>
                Restore backup
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}

export function BackupPanel() {
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
      setMade(`Backup made (${backupTime(b)}). It was checked and can be restored.`)
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
          Backups
        </Title>
        <Button onClick={() => void backUpNow()} loading={busy}>
          Back up now
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Footcore backs up the clinic records once a day, and before every update, into the “backups” folder next to the records. It
        keeps one backup for each of the last 7 days and each of the last 4 weeks, and the last 3 made before an update; none is kept
        longer than 35 days. Copy that folder to another drive now and then.
      </Text>
      {made && (
        <Alert color="teal" role="status">
          {made}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" title="Not done">
          {failure}
        </Alert>
      )}
      {backups === null ? (
        !failure && <Loader aria-label="Loading backups" />
      ) : (
        <BackupList
          backups={backups}
          restore={(name) => api.backups.restore({ name })}
          preview={(name) => api.backups.preview({ name })}
          currentFileNote="The records in use now are set aside in a file next to them under a new name and kept for 35 days."
        />
      )}
    </Stack>
  )
}
