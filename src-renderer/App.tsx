// The app shell: header (who is working, colour scheme), navigation, and the page for the route.
import { ANNOUNCER_ID } from './lib/focus'
import { Anchor, AppShell, Button, Group, Modal, NavLink, Select, Stack, Text, Title, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
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

const NAV: { label: string; path: string; section: Route['name'][] }[] = [
  { label: 'Patients', path: '/patients', section: ['patients', 'patientNew', 'patient', 'patientEdit'] },
  { label: 'Due reviews', path: '/reviews', section: ['reviews'] },
  { label: 'Exercise library', path: '/exercises', section: ['exercises'] },
  { label: 'Settings', path: '/settings', section: ['settings'] },
]

function WhoIsWorking() {
  const { therapist, therapists, chooseTherapist } = useSession()
  const active = therapists.filter((t) => t.active)
  if (active.length === 0) {
    return (
      <Anchor href={href('/settings')} size="sm" fw={600}>
        No therapists yet: add one in Settings
      </Anchor>
    )
  }
  return (
    <Select
      label="Who is working"
      placeholder="Choose yourself"
      size="xs"
      w={220}
      data={active.map((t) => ({ value: String(t.id), label: t.displayName }))}
      value={therapist ? String(therapist.id) : null}
      onChange={(v) => chooseTherapist(v === null ? null : Number(v))}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap', marginBottom: 0 } }}
    />
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

function Page({ route }: { route: Route }) {
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
            <WhoIsWorking />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map((n) => (
          <NavLink
            key={n.path}
            href={href(n.path)}
            label={n.label}
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
