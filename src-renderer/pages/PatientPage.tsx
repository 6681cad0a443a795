// The patient page: header (name, age, date of birth, complaints) and the four tabs.
import { useEffect } from 'react'
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { ProgressReportButton } from '../components/DocumentButtons'
import { ageOn, localToday } from '@shared/calc/dates'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { formatDate, fullName } from '../lib/format'
import { useT } from '../i18n'
import { complaintLabel } from '../lib/labels'
import { usePatientData } from '../lib/usePatientData'
import { useAuth } from '../auth'
import { PatientContactPage } from './PatientContactPage'
import { href, navigate, type PatientTab } from '../router'
import { useSession } from '../session'
import { OverviewTab } from './patient/OverviewTab'
import { MeasurementsTab } from './patient/MeasurementsTab'
import { ProgramTab } from './patient/ProgramTab'
import { HistoryTab } from './patient/HistoryTab'

const TAB_LABELS: Record<PatientTab, ScreenKey> = { overview: 'patient.tab.overview', measurements: 'patient.tab.measurements', program: 'patient.tab.program', history: 'patient.tab.history' }

export function PatientPage(props: { patientId: number; tab: PatientTab; query: Record<string, string> }) {
  // Reception sees contact details and the handout only.
  return useAuth().may('patients.get') ? <ClinicalPatientPage {...props} /> : <PatientContactPage patientId={props.patientId} />
}

function ClinicalPatientPage({ patientId, tab, query }: { patientId: number; tab: PatientTab; query: Record<string, string> }) {
  const data = usePatientData(patientId)
  const { settings } = useSession()
  const t = useT()
  const { patient } = data
  const { reload } = data
  // The program tab saves on its own: reread when the therapist moves between tabs.
  useEffect(() => {
    void reload()
  }, [tab, reload])
  if (data.error && !patient) {
    return (
      <Stack>
        <Alert color="red">{data.error}</Alert>
        <Anchor href={href('/patients')}>{t('patient.backToList')}</Anchor>
      </Stack>
    )
  }
  if (!patient) return <Loader aria-label={t('patient.loading')} />

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Title order={1} id="patient-title" style={{ overflowWrap: 'anywhere' }}>
            {fullName(patient)}
          </Title>
          <Text>{t('labels.ageAndBirth', { years: ageOn(patient.dateOfBirth, localToday()), date: formatDate(patient.dateOfBirth) })}</Text>
          {patient.complaints.length > 0 && (
            <Group gap={6} aria-label={t('patient.complaints')}>
              {patient.complaints.map((c) => (
                <Badge key={c} variant="default">
                  {complaintLabel(c)}
                </Badge>
              ))}
            </Group>
          )}
          {patient.archivedAt && (
            <Badge variant="default">{t('patient.archived')}</Badge>
          )}
        </Stack>
        <Group wrap="nowrap">
          <ProgressReportButton patientId={patient.id} />
          {settings && patient.preferredLanguage !== settings.language && <ProgressReportButton patientId={patient.id} language={patient.preferredLanguage} />}
          <Button variant="default" component="a" href={href(`/patients/${patient.id}/edit`)}>
            {t('patient.edit')}
          </Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={(v) => v && navigate(`/patients/${patient.id}/${v}`)} keepMounted={false}>
        <Tabs.List>
          {(Object.keys(TAB_LABELS) as PatientTab[]).map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(TAB_LABELS[tab])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="measurements" pt="md">
          <MeasurementsTab data={data} presetKind={query.kind === 'review' ? 'review' : null} />
        </Tabs.Panel>
        <Tabs.Panel value="program" pt="md">
          <ProgramTab patient={patient} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab patientId={patient.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
