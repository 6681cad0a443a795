// THE date input of the app: typed in the clinic's way (20 Jul 2026, 20.07.2026) or as ISO
// (2026-07-20), or picked in a calendar; what cannot be a date is said next to the field, never
// guessed (a native picker once turned 2026-07-20 into the year 60720 without a word).
import { useState, type FocusEvent } from 'react'
import { DateInput, type DateInputProps } from '@mantine/dates'
import { parseTypedDate } from '@shared/calc/dates'
import { isIsoDate } from '@shared/domain/common'

/** Sentences of this field, in one place for the catalogues. */
export const DATE_FIELD_TEXTS = {
  description: 'For example 20 Jul 2026, 20.07.2026 or 2026-07-20',
}

const toIso = (typed: string): string | null => {
  const parsed = parseTypedDate(typed)
  return parsed?.ok ? parsed.iso : null
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'dateParser' | 'valueFormat' | 'error'> & {
  /** ISO date, '' for none, or the text typed when it is not a date (so a stale date is never saved). */
  value?: string
  onChange(value: string): void
  error?: React.ReactNode
}

export function DateField({ value, onChange, error, onBlur, description, ...rest }: Props) {
  const [typed, setTyped] = useState<string | null>(null)
  const [blurred, setBlurred] = useState(false)
  const parsed = typed === null ? null : parseTypedDate(typed)
  const ownError = parsed && !parsed.ok ? parsed.message : undefined
  // A problem with what was typed is shown once the field is left or the form says so.
  const shownError = ownError && (blurred || error) ? ownError : error
  return (
    <DateInput
      {...rest}
      description={description === undefined ? DATE_FIELD_TEXTS.description : description}
      value={value !== undefined && isIsoDate(value) ? value : null}
      valueFormat="D MMM YYYY"
      dateParser={toIso}
      // Leaving the field writes a date it could read the app's way ("14 Mar 1979"); what it could
      // not read stays as typed, with the reason next to it.
      fixOnBlur={parsed === null || parsed.ok}
      allowDeselect
      error={shownError}
      onInput={(e) => {
        const text = e.currentTarget.value
        setTyped(text)
        setBlurred(false)
        const p = parseTypedDate(text)
        onChange(p === null ? '' : p.ok ? p.iso : text)
      }}
      onChange={(v) => {
        // A day picked in the calendar.
        setTyped(null)
        onChange(v ?? '')
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setBlurred(true)
        onBlur?.(e)
      }}
    />
  )
}
