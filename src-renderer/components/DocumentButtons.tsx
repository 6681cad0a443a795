// "Print handout" and "Progress report" buttons: main builds the PDF, the shell saves or downloads it.
import { useState } from 'react'
import { Button, type ButtonProps } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { PdfDocument } from '@shared/api'
import { ApiError } from '@shared/domain/errors'
import { api } from '../api'
import { base64ToBytes, savePdf } from '../shell'

type Extra = Omit<ButtonProps, 'loading' | 'onClick' | 'children'>

function useDocument(generate: () => Promise<PdfDocument>, title: string) {
  const [busy, setBusy] = useState(false)
  async function run() {
    if (busy) return
    setBusy(true)
    try {
      // Built in main (async), so the window stays responsive while the PDF is made.
      const doc = await generate()
      await savePdf(base64ToBytes(doc.pdfBase64), doc.fileName)
    } catch (e) {
      const conflict = e instanceof ApiError && e.code === 'conflict'
      notifications.show({
        title,
        // Conflict: the plain reason ("needs a baseline visit and a later one"); anything else: one sentence.
        message: e instanceof ApiError ? e.message : 'The document could not be made. Please try again.',
        color: conflict ? 'yellow' : 'red',
        autoClose: conflict ? 10_000 : 8_000,
      })
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}

export function PrintHandoutButton({ programId, ...rest }: { programId: number } & Extra) {
  const { busy, run } = useDocument(() => api.documents.handout({ programId }), 'Handout')
  return (
    <Button variant="default" {...rest} loading={busy} onClick={() => void run()}>
      Print handout
    </Button>
  )
}

export function ProgressReportButton({ patientId, programId = null, ...rest }: { patientId: number; programId?: number | null } & Extra) {
  const { busy, run } = useDocument(() => api.documents.progressReport({ patientId, programId }), 'Progress report')
  return (
    <Button variant="default" {...rest} loading={busy} onClick={() => void run()}>
      Progress report
    </Button>
  )
}
