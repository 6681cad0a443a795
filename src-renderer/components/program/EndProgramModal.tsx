// Confirmation before ending a program: end date and an optional reason.
import { DateField } from '../DateField'
import { useState, type FormEvent } from 'react'
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { localToday } from '@shared/calc/dates'
import { ApiError } from '@shared/domain/errors'
import type { Program } from '@shared/domain/program'
import { api } from '../../api'
import contrast from './contrast.module.css'
import { issuesToErrors, type FieldErrors } from '../exercise/dosageDraft'

interface Props {
  program: Program
  opened: boolean
  onClose: () => void
  onEnded: () => void
}

export function EndProgramModal({ program, opened, onClose, onEnded }: Props) {
  const [endDate, setEndDate] = useState(localToday())
  // The program as it was when the dialog opened; the page behind refreshes on changes elsewhere.
  const [baseVersion] = useState(program.version)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    setFailure(null)
    try {
      await api.programs.end({ programId: program.id, version: baseVersion, endDate, reason })
      setErrors({})
      onEnded()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') setErrors(issuesToErrors(e.issues))
      else setFailure(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="End program" centered className={contrast.screen} closeButtonProps={{ 'aria-label': 'Close without ending' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            End “{program.name}”? It stays in the program history, and you can assign a new program afterwards.
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <DateField label="End date" value={endDate} onChange={setEndDate} error={errors.endDate} popoverProps={{ withinPortal: false }} />
          <Textarea
            label="Reason (optional)"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Keep program
            </Button>
            <Button type="submit" color="red" loading={saving}>
              End program
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
