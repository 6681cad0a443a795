// Placeholder shell: lists patients and creates one through the API, proving the wiring end to end.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { Alert, AppShell, Button, Group, Table, TextInput, Title, Stack } from '@mantine/core'
import type { PatientSummary } from '@shared/domain/patient'
import { ApiError } from '@shared/domain/errors'
import { api } from './api'

export function App() {
  const [patients, setPatients] = useState<PatientSummary[]>([])
  const [firstName, setFirstName] = useState('')
  const [lastName, setLastName] = useState('')
  const [dateOfBirth, setDateOfBirth] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)

  const load = useCallback(async () => {
    const page = await api.patients.search({})
    setPatients(page.items)
  }, [])

  useEffect(() => {
    load().catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))
  }, [load])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setErrors({})
    setFailure(null)
    try {
      await api.patients.create({ firstName, lastName, dateOfBirth })
      setFirstName('')
      setLastName('')
      setDateOfBirth('')
      await load()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') {
        setErrors(Object.fromEntries(e.issues.map((i) => [String(i.path[0]), i.message])))
      } else setFailure(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header p="sm">
        <Title order={3}>Footcore</Title>
      </AppShell.Header>
      <AppShell.Main>
        <Stack maw={900}>
          <form onSubmit={submit} aria-label="New patient">
            <Group align="flex-end">
              <TextInput label="First name" value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} error={errors.firstName} />
              <TextInput label="Last name" value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} error={errors.lastName} />
              <TextInput
                label="Date of birth"
                placeholder="YYYY-MM-DD"
                value={dateOfBirth}
                onChange={(e) => setDateOfBirth(e.currentTarget.value)}
                error={errors.dateOfBirth}
              />
              <Button type="submit">Create patient</Button>
            </Group>
          </form>
          {failure && <Alert color="red">{failure}</Alert>}
          <Table aria-label="Patients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Date of birth</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patients.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.lastName}, {p.firstName}
                  </Table.Td>
                  <Table.Td>{p.dateOfBirth}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </AppShell.Main>
    </AppShell>
  )
}
