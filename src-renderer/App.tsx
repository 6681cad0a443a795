// The app shell: header (who is signed in, lock, colour scheme), navigation, and the page for the route.
import { Anchor, AppShell, Badge, Button, Group, Modal, NavLink, Stack, Text, Title, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import type { MethodName } from '@shared/api'
import { useAuth } from './auth'
import { useT } from './i18n'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { ANNOUNCER_ID } from './lib/focus'
import { useEffect } from 'react'
import { ConnectionBanner } from './components/ConnectionBanner'
import { startLiveChanges } from './lib/liveChanges'
import { useSession } from './session'
import { roleLabel } from './lib/labels'
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
  const t = useT()
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600} truncate="end" maw={200} title={user.displayName}>
        {user.displayName}
      </Text>
      <Badge variant="light" size="sm">
        {roleLabel(user.role)}
      </Badge>
      <Button size="xs" variant="default" onClick={lock} title={t('app.lock.title')} aria-keyshortcuts="Control+Shift+L">
        {t('app.lock')}
      </Button>
      <Button size="xs" variant="subtle" onClick={signOut}>
        {t('app.signOut')}
      </Button>
    </Group>
  )
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light')
  const next = computed === 'dark' ? 'light' : 'dark'
  const t = useT()
  return (
    <Button variant="default" size="xs" onClick={() => setColorScheme(next)} aria-label={next === 'dark' ? t('app.scheme.toDark') : t('app.scheme.toLight')}>
      {computed === 'dark' ? t('app.scheme.lightMode') : t('app.scheme.darkMode')}
    </Button>
  )
}

function LeaveFormModal() {
  const { target, leave, stay } = usePendingNavigation()
  const t = useT()
  return (
    <Modal opened={target !== null} onClose={stay} title={t('app.leave.title')} centered>
      <Stack>
        <Text>{t('app.leave.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            {t('app.leave.stay')}
          </Button>
          <Button color="red" onClick={leave}>
            {t('app.leave.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function NotForYourRole() {
  const { user } = useAuth()
  const t = useT()
  return (
    <Stack>
      <Title order={1}>{t('app.notForRole.title')}</Title>
      <Text>{t('app.notForRole.body', { role: user.role })}</Text>
      <Anchor href={href('/patients')}>{t('app.toPatientList')}</Anchor>
    </Stack>
  )
}

function Page({ route }: { route: Route }) {
  const { may } = useAuth()
  const t = useT()
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
          <Title order={1}>{t('app.notFound.title')}</Title>
          <Anchor href={href('/patients')}>{t('app.toPatientList')}</Anchor>
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
              {t('app.name')}
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
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.nav.label')}>
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
