// Patient list (being built).
import { Title } from '@mantine/core'
export function PatientsPage() {
  return <Title order={1}>Patients</Title>
}
