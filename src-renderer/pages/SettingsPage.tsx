// Settings (administrators): the clinic's details, thresholds, idle lock, users, backups, the clinic database and workstations.
import { Alert, Divider, Loader, Stack, Title } from '@mantine/core'
import { BackupPanel } from '../components/BackupPanel'
import contrast from '../components/program/contrast.module.css'
import { ClinicDatabasePanel } from '../components/settings/ClinicDatabasePanel'
import { ClinicSettingsForm } from '../components/settings/ClinicSettingsForm'
import { UsersPanel } from '../components/settings/UsersPanel'
import { WorkstationsPanel } from '../components/settings/WorkstationsPanel'
import { useSession } from '../session'
import { useT } from '../i18n'

export function SettingsPage() {
  const { settings, refresh, loadError } = useSession()
  const t = useT()
  return (
    <Stack gap="lg" maw={900} className={contrast.screen}>
      <Title order={1}>{t('settings.title')}</Title>
      {settings ? (
        <ClinicSettingsForm settings={settings} onSaved={refresh} />
      ) : loadError ? (
        <Alert color="red" role="alert" title={t('settings.loadError')}>
          {loadError}
        </Alert>
      ) : (
        <Loader aria-label={t('settings.loading')} />
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
