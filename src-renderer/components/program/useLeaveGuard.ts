// Asks before leaving a form with unsaved changes: registers the form with the router (which asks
// before a page or tab switch and on reload/close) and tells an optional parent.
import { useEffect, useRef } from 'react'
import { useUnsavedChanges } from '../../router'

export function useLeaveGuard(dirty: boolean, onDirtyChange?: (dirty: boolean) => void): void {
  useUnsavedChanges(dirty)
  const notify = useRef(onDirtyChange)
  useEffect(() => {
    notify.current = onDirtyChange
  })

  useEffect(() => {
    notify.current?.(dirty)
  }, [dirty])

  // A form that goes away (saved, cancelled) no longer holds anything unsaved.
  useEffect(() => () => notify.current?.(false), [])
}

/** Moves focus to the first field showing an error, so Enter-then-fix stays on the keyboard. */
export function focusFirstError(container: HTMLElement | null): void {
  requestAnimationFrame(() => {
    container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  })
}
