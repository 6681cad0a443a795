// THE date input of the app: typed in the clinic's way (20 Jul 2026, 20.07.2026) or as ISO
// (2026-07-20), or picked in a calendar (the button beside it, or Alt+↓); what cannot be a date is
// said next to the field, never guessed (a native picker once turned 2026-07-20 into the year
// 60720 without a word). The calendar opens only when asked, so typing never has it cover the
// fields below.
import { useEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react'
import { ActionIcon, Popover, TextInput, type PopoverProps } from '@mantine/core'
import { DatePicker, type CalendarLevel } from '@mantine/dates'
import 'dayjs/locale/uk'
import 'dayjs/locale/pl'
import 'dayjs/locale/de'
import 'dayjs/locale/es'
import { formatClinicDate, parseTypedDate, type DateProblem } from '@shared/calc/dates'
import { isIsoDate } from '@shared/domain/common'
import { firstDayOfWeek, formatDate as numericDate } from '@shared/i18n/format'
import type { Language } from '@shared/i18n/languages'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import type { Translate } from '@shared/i18n/translate'
import { useScreenLanguage, useT } from '../i18n'

/**
 * What the field shows for a value: the app's date format in English ("14 Mar 1979"); in the other
 * languages the numeric date (14.03.1979, 14/03/1979), which the field reads back as it is typed.
 * Text that is not a date stays as typed.
 */
const shownIn = (language: Language) => (value: string) =>
  isIsoDate(value) ? (language === 'en' ? formatClinicDate(value) : numericDate(value, language)) : value

/** Why the typed text is not a date, in the screens' language. */
export function dateProblemText(p: DateProblem, t: Translate<ScreenKey>): string {
  switch (p.kind) {
    case 'howToType':
      return t('dateField.howToType')
    case 'fourDigitYear':
      return t('dateField.fourDigitYear')
    case 'impossibleYear':
      return t('dateField.impossibleYear', { year: p.year })
    case 'noSuchDay':
      return t('dateField.noSuchDay', { text: p.text })
  }
}

interface Props {
  id?: string
  label: string
  description?: ReactNode
  withAsterisk?: boolean
  /** ISO date, '' for none, or the text typed when it is not a date (so a stale date is never saved). */
  value?: string
  onChange(value: string): void
  onBlur?(e: FocusEvent<HTMLInputElement>): void
  onFocus?(e: FocusEvent<HTMLInputElement>): void
  error?: ReactNode
  w?: number | string
  /** The calendar's first view: 'decade' for a date of birth. */
  defaultLevel?: CalendarLevel
  popoverProps?: Partial<PopoverProps>
  /** Accepted for the patient list's filter; an emptied field is no date in every case. */
  clearable?: boolean
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  )
}

export function DateField({ id, label, description, withAsterisk, value = '', onChange, onBlur, onFocus, error, w, defaultLevel, popoverProps }: Props) {
  const t = useT()
  const language = useScreenLanguage()
  const shown = shownIn(language)
  const [text, setText] = useState(shown(value))
  const [blurred, setBlurred] = useState(false)
  const [opened, setOpened] = useState(false)
  const focused = useRef(false)
  // A value set from outside (a default date, a calendar pick, a reset) shows, unless the field is being typed in.
  useEffect(() => {
    if (!focused.current) setText(shown(value))
  }, [value, language])

  const parsed = parseTypedDate(text)
  const ownError = parsed && !parsed.ok ? dateProblemText(parsed.problem, t) : undefined
  // A problem with what was typed is shown once the field is left or the form says so.
  const shownError = ownError && (blurred || error) ? ownError : error
  const iso = isIsoDate(value) ? value : null

  // withRoles off: a text box may not carry aria-expanded (axe); the button opens the calendar.
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" trapFocus returnFocus shadow="md" withRoles={false} {...popoverProps}>
      <Popover.Target>
        <TextInput
          id={id}
          label={label}
          // The error takes the description's place (it says how to type a date too), so the fields
          // below do not jump while the pointer is on its way to one of them.
          description={shownError ? undefined : description === undefined ? t('dateField.description') : description}
          withAsterisk={withAsterisk}
          w={w}
          autoComplete="off"
          value={text}
          error={shownError}
          onChange={(e) => {
            const typed = e.currentTarget.value
            setText(typed)
            setBlurred(false)
            const p = parseTypedDate(typed)
            onChange(p === null ? '' : p.ok ? p.iso : typed)
          }}
          onFocus={(e) => {
            focused.current = true
            onFocus?.(e)
          }}
          onBlur={(e) => {
            focused.current = false
            setBlurred(true)
            // A date it could read is written the app's way ("14 Mar 1979").
            if (parsed?.ok) setText(shown(parsed.iso))
            onBlur?.(e)
          }}
          onKeyDown={(e) => {
            if (e.altKey && e.key === 'ArrowDown') {
              e.preventDefault()
              setOpened(true)
            }
          }}
          rightSection={
            <ActionIcon variant="subtle" color="gray" aria-label={t('dateField.openCalendar')} onClick={() => setOpened((o) => !o)}>
              <CalendarIcon />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          locale={language}
          firstDayOfWeek={(firstDayOfWeek(language) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6}
          value={iso}
          defaultDate={iso ?? undefined}
          defaultLevel={iso ? 'month' : defaultLevel}
          onChange={(picked) => {
            const next = picked ?? ''
            onChange(next)
            setText(shown(next))
            setBlurred(false)
            setOpened(false)
          }}
        />
      </Popover.Dropdown>
    </Popover>
  )
}
