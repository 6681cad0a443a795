// One way to save a draft form: typing errors first, then the API; each error next to its field,
// errors that belong to no field as one sentence above the form, focus on the first wrong field.
import { useState, type Dispatch, type RefObject, type SetStateAction } from 'react'
import { ApiError } from '@shared/domain/errors'
import { issuesToErrors, type FieldErrors } from '../components/exercise/dosageDraft'
import { useFocusFirstError } from '../components/program/useLeaveGuard'

export interface DraftSubmit {
  errors: FieldErrors
  setErrors: Dispatch<SetStateAction<FieldErrors>>
  failure: string | null
  setFailure: Dispatch<SetStateAction<string | null>>
  saving: boolean
  /** Shows `typing` (errors found before any call) or runs `save`; what was typed is never touched. */
  submit(typing: FieldErrors, save: () => Promise<void>): Promise<void>
}

/** `fieldKeys`: the error keys the form shows next to a field; the API's other issues go to `failure`. */
export function useDraftSubmit(form: RefObject<HTMLElement | null>, fieldKeys?: RegExp): DraftSubmit {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const focusFirstError = useFocusFirstError(form)

  async function submit(typing: FieldErrors, save: () => Promise<void>): Promise<void> {
    setFailure(null)
    if (Object.keys(typing).length > 0) {
      setErrors(typing)
      focusFirstError()
      return
    }
    setSaving(true)
    try {
      await save()
      setErrors({})
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') {
        const all = issuesToErrors(e.issues)
        setErrors(all)
        const rest = fieldKeys ? Object.entries(all).filter(([k]) => !fieldKeys.test(k)) : []
        if (rest.length > 0) setFailure(rest.map(([, m]) => m).join(' '))
        focusFirstError()
      } else setFailure(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  return { errors, setErrors, failure, setFailure, saving, submit }
}
