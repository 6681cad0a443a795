// Reception's patient page: who the patient is, how to reach them, and the handout of their current
// program. No measurements, pain scores, notes, history or progress report (the core refuses them too).
import { useEffect, useState } from 'react'
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import type { PatientContact } from '@shared/domain/patient'
import type { Program } from '@shared/domain/program'
import { api } from '../api'
import { PrintHandoutButton } from '../components/DocumentButtons'
import { ageOn, localToday } from '@shared/calc/dates'
import { formatDate, fullName } from '../lib/format'
import { useT } from '../i18n'
import { plainMessage } from '../lib/issues'
import { href } from '../router'

export function PatientContactPage({ patientId }: { patientId: number }) {
  const [patient, setPatient] = useState<PatientContact | null>(null)
  const [program, setProgram] = useState<Program | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const t = useT()
  useEffect(() => {
    api.patients.contact({ id: patientId }).then(setPatient, (e: unknown) => setError(plainMessage(e)))
    api.programs.current({ patientId }).then(setProgram, () => setProgram(null))
  }, [patientId])
  if (error) {
    return (
      <Stack>
        <Alert color="red">{error}</Alert>
        <Anchor href={href('/patients')}>{t('patient.backToList')}</Anchor>
      </Stack>
    )
  }
  if (!patient) return <Loader aria-label={t('patient.loading')} />
  return (
    <Stack maw={760}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {fullName(patient)}
          </Title>
          <Text>{t('labels.ageAndBirth', { years: ageOn(patient.dateOfBirth, localToday()), date: formatDate(patient.dateOfBirth) })}</Text>
        </Stack>
        <Button variant="default" component="a" href={href(`/patients/${patient.id}/edit`)}>
          {t('contact.edit')}
        </Button>
      </Group>
      <Paper withBorder p="md" component="section" aria-label={t('contact.section')}>
        <Text>{t('contact.phone', { phone: patient.phone ?? '—' })}</Text>
        <Text>{t('contact.email', { email: patient.email ?? '—' })}</Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('contact.program.section')}>
        {program === undefined ? (
          <Loader size="sm" aria-label={t('contact.program.loading')} />
        ) : program === null ? (
          <Text>{t('contact.program.none')}</Text>
        ) : (
          <Group justify="space-between">
            <Text style={{ overflowWrap: 'anywhere' }}>{t('contact.program.since', { name: program.name, date: formatDate(program.startDate) })}</Text>
            <PrintHandoutButton programId={program.id} />
          </Group>
        )}
      </Paper>
    </Stack>
  )
}
