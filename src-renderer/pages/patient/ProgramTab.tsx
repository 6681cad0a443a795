// Placeholder until the Program tab lands (owned by UI-B).
import { Text } from '@mantine/core'
import type { Patient } from '@shared/domain/patient'

export function ProgramTab({ patient }: { patient: Patient }) {
  return <Text>The program for {patient.firstName} is not available yet.</Text>
}
