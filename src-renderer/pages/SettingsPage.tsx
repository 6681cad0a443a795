// Settings (administrators): the clinic's details, thresholds, idle lock, users, backups, the clinic database and workstations.
import { Alert, Divider, Loader, Stack, Title } from '@mantine/core'
import { BackupPanel } from '../components/BackupPanel'
import contrast from '../components/program/contrast.module.css'
import { ClinicDatabasePanel } from '../components/settings/ClinicDatabasePanel'
import { ClinicSettingsForm } from '../components/settings/ClinicSettingsForm'
import { UsersPanel } from '../components/settings/UsersPanel'
import { WorkstationsPanel } from '../components/settings/WorkstationsPanel'
import { useSession } from '../session'

export function SettingsPage() {
  const { settings, refresh, loadError } = useSession()
  return (
    <Stack gap="lg" maw={900} className={contrast.screen}>
      <Title order={1}>Settings</Title>
      {settings ? (
        <ClinicSettingsForm settings={settings} onSaved={refresh} />
      ) : loadError ? (
        <Alert color="red" role="alert" title="Settings could not be loaded">
          {loadError}
        </Alert>
      ) : (
        <Loader aria-label="Loading settings" />
      )}
      <Divider />
      <UsersPanel />
      <Divider />
      <BackupPanel />
      <Divider />
      <ClinicDatabasePanel />
      <Divider />
      <WorkstationsPanel />
    </Stack>
  )
}
