// New and edit patient (being built).
import { Title } from '@mantine/core'
export function PatientFormPage({ patientId }: { patientId: number | null }) {
  return <Title order={1}>{patientId === null ? 'New patient' : 'Edit patient'}</Title>
}
