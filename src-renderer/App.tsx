// The app shell: header (who is signed in, lock, colour scheme), navigation, and the page for the route.
import { Anchor, AppShell, Badge, Button, Group, Modal, NavLink, Stack, Text, Title, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { ROLE_LABELS } from '@shared/domain/user'
import type { MethodName } from '@shared/api'
import { useAuth } from './auth'
import { useT } from './i18n'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { ANNOUNCER_ID } from './lib/focus'
import { useEffect } from 'react'
import { ConnectionBanner } from './components/ConnectionBanner'
import { startLiveChanges } from './lib/liveChanges'
import { useSession } from './session'
import { href, usePendingNavigation, useRoute, type Route } from './router'
import { PatientsPage } from './pages/PatientsPage'
import { PatientFormPage } from './pages/PatientFormPage'
import { PatientPage } from './pages/PatientPage'
import { DueReviewsPage } from './pages/DueReviewsPage'
import { ExerciseLibraryPage } from './pages/ExerciseLibraryPage'
import { SettingsPage } from './pages/SettingsPage'

/** Each section shows for the roles that may call the method that opens it (the core's table). */
const NAV: { label: ScreenKey; path: string; section: Route['name'][]; needs: MethodName }[] = [
  { label: 'app.nav.patients', path: '/patients', section: ['patients', 'patientNew', 'patient', 'patientEdit'], needs: 'patients.search' },
  { label: 'app.nav.reviews', path: '/reviews', section: ['reviews'], needs: 'reviews.due' },
  { label: 'app.nav.exercises', path: '/exercises', section: ['exercises'], needs: 'exercises.create' },
  { label: 'app.nav.settings', path: '/settings', section: ['settings'], needs: 'settings.update' },
]

function SignedInAs() {
  const { user, lock, signOut } = useAuth()
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600} truncate="end" maw={200} title={user.displayName}>
        {user.displayName}
      </Text>
      <Badge variant="light" size="sm">
        {ROLE_LABELS[user.role]}
      </Badge>
      <Button size="xs" variant="default" onClick={lock} title="Lock the screen (Ctrl+Shift+L)" aria-keyshortcuts="Control+Shift+L">
        Lock
      </Button>
      <Button size="xs" variant="subtle" onClick={signOut}>
        Sign out
      </Button>
    </Group>
  )
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light')
  const next = computed === 'dark' ? 'light' : 'dark'
  return (
    <Button variant="default" size="xs" onClick={() => setColorScheme(next)} aria-label={`Switch to ${next} colours`}>
      {computed === 'dark' ? 'Light mode' : 'Dark mode'}
    </Button>
  )
}

function LeaveFormModal() {
  const { target, leave, stay } = usePendingNavigation()
  return (
    <Modal opened={target !== null} onClose={stay} title="Leave without saving?" centered>
      <Stack>
        <Text>You have changes on this form that are not saved yet. If you leave now, they are lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay on the form
          </Button>
          <Button color="red" onClick={leave}>
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function NotForYourRole() {
  const { user } = useAuth()
  return (
    <Stack>
      <Title order={1}>Not available</Title>
      <Text>This part of Footcore is not open to the {ROLE_LABELS[user.role].toLowerCase()} role. An administrator can change roles in Settings → Users.</Text>
      <Anchor href={href('/patients')}>Go to the patient list</Anchor>
    </Stack>
  )
}

function Page({ route }: { route: Route }) {
  const { may } = useAuth()
  const section = NAV.find((n) => n.section.includes(route.name))
  if (section && !may(section.needs) && route.name !== 'patient' && route.name !== 'patientEdit') return <NotForYourRole />
  switch (route.name) {
    case 'patients':
      return <PatientsPage />
    case 'patientNew':
      return <PatientFormPage key="new" patientId={null} />
    case 'patientEdit':
      return <PatientFormPage key={`edit-${route.id}`} patientId={route.id} />
    case 'patient':
      return <PatientPage key={route.id} patientId={route.id} tab={route.tab} query={route.query} />
    case 'reviews':
      return <DueReviewsPage />
    case 'exercises':
      return <ExerciseLibraryPage />
    case 'settings':
      return <SettingsPage />
    case 'notFound':
      return (
        <Stack>
          <Title order={1}>Page not found</Title>
          <Anchor href={href('/patients')}>Go to the patient list</Anchor>
        </Stack>
      )
  }
}

export function App() {
  useEffect(startLiveChanges, [])
  const route = useRoute()
  const { settings, loadError } = useSession()
  const { may } = useAuth()
  const t = useT()
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Text fw={700} size="lg" component="span">
              Footcore
            </Text>
            {settings && (
              <Text size="sm" c="dimmed" truncate="end" maw={280} title={settings.clinicName}>
                {settings.clinicName}
              </Text>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <SignedInAs />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.filter((n) => may(n.needs)).map((n) => (
          <NavLink
            key={n.path}
            href={href(n.path)}
            label={t(n.label)}
            active={n.section.includes(route.name)}
            aria-current={n.section.includes(route.name) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        {loadError && (
          <Text c="red" role="alert" mb="md">
            {loadError}
          </Text>
        )}
        <Page route={route} />
      </AppShell.Main>
      <LeaveFormModal />
      {/* What just happened, read out by screen readers (lib/focus.ts announce). */}
      <div id={ANNOUNCER_ID} aria-live="polite" aria-atomic="true" className="visually-hidden" />
    </AppShell>
  )
}
