// "Print handout" and "Progress report" buttons: main builds the PDF, the shell saves or downloads it.
import { useEffect, useRef, useState, type RefObject } from 'react'
import { Alert, Button, type ButtonProps } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { PdfDocument } from '@shared/api'
import { ApiError } from '@shared/domain/errors'
import { exerciseLanguages, type Exercise } from '@shared/domain/exercise'
import type { Program } from '@shared/domain/program'
import { languageNameIn, LANGUAGE_NAMES, type Language } from '@shared/i18n/languages'
import { api } from '../api'
import { t, useScreenLanguage, useT } from '../i18n'
import { announce } from '../lib/focus'
import { base64ToBytes, savePdf } from '../shell'

type Extra = Omit<ButtonProps, 'loading' | 'onClick' | 'children'>

/** The notification's title, and what a screen reader hears once the document is saved. */
interface DocumentTexts {
  title: string
  saved: string
  downloaded: string
  notSaved: string
}

/**
 * Makes and saves a document. The button is disabled while the PDF is made, which takes the
 * focus away from it: afterwards the focus comes back to the button (unless the person has put it
 * somewhere else meanwhile) and the live region says what happened.
 */
function useDocument(generate: () => Promise<PdfDocument>, texts: DocumentTexts): { busy: boolean; run(): void; ref: RefObject<HTMLButtonElement | null> } {
  const [busy, setBusy] = useState(false)
  const ref = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  useEffect(() => {
    if (busy || !refocus.current) return
    refocus.current = false
    const active = document.activeElement
    if (active === null || active === document.body || active === ref.current) ref.current?.focus()
  }, [busy])
  async function run() {
    if (busy) return
    setBusy(true)
    try {
      // Built in main (async), so the window stays responsive while the PDF is made.
      const doc = await generate()
      const result = await savePdf(base64ToBytes(doc.pdfBase64), doc.fileName)
      announce(!result.saved ? texts.notSaved : result.downloaded ? texts.downloaded : texts.saved)
    } catch (e) {
      const conflict = e instanceof ApiError && e.code === 'conflict'
      notifications.show({
        title: texts.title,
        // Conflict: the plain reason ("needs a baseline visit and a later one"); unprintable: which
        // name or text has a character no font has; anything else: one sentence.
        message: e instanceof ApiError ? e.message : t('documents.failed'),
        color: conflict ? 'yellow' : 'red',
        autoClose: conflict ? 10_000 : 8_000,
      })
    } finally {
      refocus.current = true
      setBusy(false)
    }
  }
  return { busy, run: () => void run(), ref }
}

export function PrintHandoutButton({ programId, ...rest }: { programId: number } & Extra) {
  const t = useT()
  const { busy, run, ref } = useDocument(() => api.documents.handout({ programId }), {
    title: t('documents.handout'),
    saved: t('documents.handoutSaved'),
    downloaded: t('documents.handoutDownloaded'),
    notSaved: t('documents.handoutNotSaved'),
  })
  return (
    <Button ref={ref} variant="default" {...rest} loading={busy} onClick={run}>
      {t('documents.printHandout')}
    </Button>
  )
}

export function ProgressReportButton({ patientId, programId = null, language, ...rest }: { patientId: number; programId?: number | null; language?: Language } & Extra) {
  const t = useT()
  const screen = useScreenLanguage()
  const { busy, run, ref } = useDocument(() => api.documents.progressReport({ patientId, programId, language }), {
    title: t('documents.progressReport'),
    saved: t('documents.reportSaved'),
    downloaded: t('documents.reportDownloaded'),
    notSaved: t('documents.reportNotSaved'),
  })
  return (
    <Button ref={ref} variant="default" {...rest} loading={busy} onClick={run}>
      {/* The report prints in the clinic's language; this one in the patient's. */}
      {language ? t('documents.printForPatient', { language: languageNameIn(language, screen) }) : t('documents.progressReport')}
    </Button>
  )
}

/**
 * Before printing: the program's exercises that have no text in the patient's language, which
 * the handout prints in the clinic's language instead. Nothing when every exercise has it.
 */
export function HandoutLanguageNote({ program, exercises, language, clinicLanguage }: { program: Program; exercises: Exercise[]; language: Language; clinicLanguage: Language }) {
  const t = useT()
  const screen = useScreenLanguage()
  const byId = new Map(exercises.map((e) => [e.id, e]))
  const lacking = program.items.filter((i) => {
    const e = byId.get(i.exerciseId)
    return e !== undefined && !exerciseLanguages(e).includes(language)
  })
  if (lacking.length === 0) return null
  const names = lacking.map((i) => `“${i.exerciseName}”`).join(', ')
  return (
    <Alert color="yellow" role="note" title={t('documents.handoutPrintsIn', { language: LANGUAGE_NAMES[language] })}>
      {t('documents.lackingText', {
        count: lacking.length,
        names,
        language: languageNameIn(language, screen),
        clinicLanguage: languageNameIn(clinicLanguage, screen),
      })}
    </Alert>
  )
}
