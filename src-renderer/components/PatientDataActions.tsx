// The patient's own data: export the complete record, or erase the patient after two confirmations.
import { useState, type FormEvent } from 'react'
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core'
import type { Patient } from '@shared/domain/patient'
import type { ExportedDocument, PatientEraseResult, PatientRecordExport } from '@shared/domain/privacy'
import { ApiError } from '@shared/domain/errors'
import { api } from '../api'
import { fullName } from '../lib/format'
import { plainMessage } from '../lib/issues'
import { useT } from '../i18n'
import { base64ToBytes, downloadBlob, savePdf } from '../shell'


interface Exported {
  fileName: string
  documents: ExportedDocument[]
}

async function isGone(id: number): Promise<boolean> {
  try {
    await api.patients.get({ id })
    return false
  } catch (e) {
    return e instanceof ApiError && e.code === 'not_found'
  }
}

/** `warning`: the erase was committed but something after it failed; the sentence says what. */
export function PatientDataActions({ patient, onErased }: { patient: Patient; onErased: (result: PatientEraseResult | null, warning: string | null) => void }) {
  const t = useT()
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<Exported | null>(null)
  const [exportError, setExportError] = useState<string | null>(null)
  const [step, setStep] = useState<'closed' | 'explain' | 'confirm'>('closed')
  const [typed, setTyped] = useState('')
  const [erasing, setErasing] = useState(false)
  const [eraseError, setEraseError] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)

  async function exportRecord() {
    setExporting(true)
    setExportError(null)
    try {
      const out = await api.patients.export({ id: patient.id })
      downloadBlob(new Blob([out.json], { type: 'application/json' }), out.fileName)
      const record = JSON.parse(out.json) as PatientRecordExport
      setExported({ fileName: out.fileName, documents: record.documents })
    } catch (e) {
      setExportError(plainMessage(e))
    } finally {
      setExporting(false)
    }
  }

  async function saveDocument(doc: ExportedDocument) {
    try {
      await savePdf(base64ToBytes(doc.base64), doc.fileName)
    } catch (e) {
      setExportError(plainMessage(e))
    }
  }

  function reset() {
    setStep('closed')
    setTyped('')
    setEraseError(null)
    setFieldError(null)
  }
  const close = () => {
    if (!erasing) reset()
  }

  const matches = typed.trim() === patient.lastName.trim()

  async function erase(event: FormEvent) {
    event.preventDefault()
    if (!matches) {
      setFieldError(t('patientData.typeExactly'))
      return
    }
    setErasing(true)
    setEraseError(null)
    setFieldError(null)
    try {
      const result = await api.patients.erase({ id: patient.id, confirmLastName: typed })
      setErasing(false)
      reset()
      onErased(result, null)
    } catch (e) {
      setErasing(false)
      const field = e instanceof ApiError ? e.issues.find((i) => i.path[0] === 'confirmLastName') : undefined
      if (field) return setFieldError(field.message)
      // A failure after the erase was committed: the patient is gone, so the page must not stay
      // on a record that no longer exists or suggest nothing happened.
      if (await isGone(patient.id)) {
        reset()
        onErased(null, plainMessage(e))
      } else setEraseError(plainMessage(e))
    }
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" onClick={() => void exportRecord()} loading={exporting}>
          {t('patientData.export')}
        </Button>
        <Button color="red" variant="outline" onClick={() => setStep('explain')}>
          {t('patientData.eraseOpen')}
        </Button>
      </Group>
      {exportError && (
        <Alert color="red" role="alert">
          {exportError}
        </Alert>
      )}
      {exported && (
        <Alert color="teal" title={t('patientData.exported')} role="status">
          <Text size="sm">
            {exported.documents.length > 0
              ? t('patientData.savedAsWithDocuments', { fileName: exported.fileName, count: exported.documents.length })
              : t('patientData.savedAs', { fileName: exported.fileName })}
          </Text>
          {exported.documents.length > 0 && (
            <Group gap="xs" mt="xs">
              {exported.documents.map((d) => (
                <Button key={d.fileName} size="xs" variant="default" onClick={() => void saveDocument(d)}>
                  {t('patientData.saveDocument', { fileName: d.fileName })}
                </Button>
              ))}
            </Group>
          )}
        </Alert>
      )}

      <Modal
        opened={step !== 'closed'}
        onClose={close}
        title={t('patientData.eraseTitle', { name: fullName(patient) })}
        closeOnClickOutside={!erasing}
        closeButtonProps={{ 'aria-label': t('patientData.closeWithoutErasing') }}
      >
        {step === 'explain' ? (
          <Stack>
            <Text>{t('patientData.eraseIntro')}</Text>
            <List size="sm">
              <List.Item>{t('patientData.eraseDetails')}</List.Item>
              <List.Item>{t('patientData.eraseHistory')}</List.Item>
              <List.Item>{t('patientData.eraseUndo')}</List.Item>
            </List>
            <Text size="sm">{t('patientData.exportFirst')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => setStep('confirm')}>
                {t('patientData.continue')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={(e) => void erase(e)} aria-label={t('patientData.confirmLabel')}>
            <Stack>
              <TextInput
                label={t('patientData.typeLastName')}
                description={t('patientData.lastName', { lastName: patient.lastName })}
                value={typed}
                onChange={(e) => {
                  setTyped(e.currentTarget.value)
                  setFieldError(null)
                }}
                error={fieldError}
                autoComplete="off"
                data-autofocus
                disabled={erasing}
              />
              {eraseError && (
                <Alert color="red" role="alert">
                  {eraseError}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close} disabled={erasing}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="red" loading={erasing} disabled={!matches}>
                  {t('patientData.erase')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  )
}
