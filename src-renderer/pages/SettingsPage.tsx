// Placeholder until the settings page lands (owned by UI-B).
import { Title } from '@mantine/core'

export function SettingsPage() {
  return <Title order={1}>Settings</Title>
}
