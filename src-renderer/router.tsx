// A tiny hash router: parses #/patients/12/measurements?kind=review into a route, and asks before
// leaving a form with unsaved changes (also when the hash changes through a link or Back).
import { useEffect, useState, useSyncExternalStore } from 'react'

export const PATIENT_TABS = ['overview', 'measurements', 'program', 'history'] as const
export type PatientTab = (typeof PATIENT_TABS)[number]

export type Route =
  | { name: 'patients' }
  | { name: 'patientNew' }
  | { name: 'patient'; id: number; tab: PatientTab; query: Record<string, string> }
  | { name: 'patientEdit'; id: number }
  | { name: 'reviews' }
  | { name: 'exercises' }
  | { name: 'settings' }
  | { name: 'notFound'; path: string }

/** Pure: the route a hash stands for ("#/patients/3/program" → patient 3, program tab). */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '')
  const [pathPart = '', queryPart = ''] = raw.split('?', 2)
  const parts = pathPart.split('/').filter(Boolean)
  const query = Object.fromEntries(new URLSearchParams(queryPart))
  if (parts.length === 0) return { name: 'patients' }
  const [first, second, third] = parts
  if (first === 'patients') {
    if (second === undefined) return { name: 'patients' }
    if (second === 'new' && parts.length === 2) return { name: 'patientNew' }
    const id = Number(second)
    if (Number.isInteger(id) && id > 0 && /^\d+$/.test(second)) {
      if (third === undefined && parts.length === 2) return { name: 'patient', id, tab: 'overview', query }
      if (third === 'edit' && parts.length === 3) return { name: 'patientEdit', id }
      if (parts.length === 3 && (PATIENT_TABS as readonly string[]).includes(third!)) {
        return { name: 'patient', id, tab: third as PatientTab, query }
      }
    }
  }
  if (parts.length === 1 && first === 'reviews') return { name: 'reviews' }
  if (parts.length === 1 && first === 'exercises') return { name: 'exercises' }
  if (parts.length === 1 && first === 'settings') return { name: 'settings' }
  return { name: 'notFound', path: pathPart }
}

/** "#/patients/12/measurements" for links. */
export const href = (path: string): string => `#${path.startsWith('/') ? path : `/${path}`}`

// --- unsaved changes --------------------------------------------------------------------------

const dirtyForms = new Set<symbol>()
let current = typeof window === 'undefined' ? '' : window.location.hash
let pending: string | null = null
let skipGuardOnce = false
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function onHashChange(): void {
  const next = window.location.hash
  if (next === current) return
  if (dirtyForms.size > 0 && !skipGuardOnce) {
    // Put the address back and ask; the route stays on the form until the therapist decides.
    window.history.replaceState(null, '', current || '#/patients')
    pending = next
    emit()
    return
  }
  skipGuardOnce = false
  current = next
  emit()
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', onHashChange)
  window.addEventListener('beforeunload', (e) => {
    if (dirtyForms.size > 0) e.preventDefault()
  })
}

/**
 * Reloads without asking about unsaved changes: used when the records on screen came from a
 * database that has since been replaced by a restore, so what is typed cannot be saved anyway.
 */
export function reloadDiscardingChanges(): void {
  dirtyForms.clear()
  window.location.reload()
}

/** Goes to a path; `force` skips the unsaved-changes question (after a successful save). */
export function navigate(path: string, options: { force?: boolean } = {}): void {
  const target = href(path)
  if (target === window.location.hash) return
  if (options.force) skipGuardOnce = true
  window.location.hash = target
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => current)
  return parseRoute(hash)
}

/** The navigation waiting for "leave without saving?", or null. */
export function usePendingNavigation(): { target: string | null; leave(): void; stay(): void } {
  const target = useSyncExternalStore(subscribe, () => pending)
  return {
    target,
    leave() {
      const t = pending
      pending = null
      dirtyForms.clear()
      emit()
      if (t !== null) window.location.hash = t
    },
    stay() {
      pending = null
      emit()
    },
  }
}

/** Marks the calling form as holding unsaved changes while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean): void {
  const [key] = useState(() => Symbol('form'))
  useEffect(() => {
    if (dirty) dirtyForms.add(key)
    else dirtyForms.delete(key)
    return () => {
      dirtyForms.delete(key)
    }
  }, [dirty, key])
}
