// Asks before leaving a form with unsaved changes: registers the form with the router (which asks
// before a page or tab switch and on reload/close) and tells an optional parent.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
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

/**
 * Moves focus to the first field showing an error once React has drawn the errors, so a therapist
 * who pressed Enter can fix the value straight away. Returns the function to call after setErrors.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0)
  useEffect(() => {
    if (request === 0) return
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [request, container])
  return useCallback(() => setRequest((n) => n + 1), [])
}
