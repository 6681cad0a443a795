// Patient page (being built).
import { Title } from '@mantine/core'
import type { PatientTab } from '../router'
export function PatientPage({ patientId, tab }: { patientId: number; tab: PatientTab; query: Record<string, string> }) {
  return <Title order={1}>Patient {patientId}: {tab}</Title>
}
