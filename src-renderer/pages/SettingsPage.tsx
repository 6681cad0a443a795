// Settings: the clinic's details, measurement method and thresholds, review interval, and therapists.
import { Alert, Divider, Loader, Stack, Title } from '@mantine/core'
import { BackupPanel } from '../components/BackupPanel'
import contrast from '../components/program/contrast.module.css'
import { ClinicDatabasePanel } from '../components/settings/ClinicDatabasePanel'
import { ClinicSettingsForm } from '../components/settings/ClinicSettingsForm'
import { TherapistsPanel } from '../components/settings/TherapistsPanel'
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
      <TherapistsPanel />
      <Divider />
      <BackupPanel />
      <Divider />
      <ClinicDatabasePanel />
    </Stack>
  )
}
