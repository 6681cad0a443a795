// Changes made on other workstations (or in other tabs), seen within about a second: one poll of
// `changes.since` per page, shared by every list and patient page that wants to follow them, and
// whether the clinic database can be reached at all (the banner).
import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { RecordChange } from '@shared/domain/changes'
import { ApiError } from '@shared/domain/errors'
import { api } from '../api'
import { t } from '../i18n'

const POLL_MS = 1000
/** Ids seen already (answers repeat the newest few, see services/changes.ts). */
const SEEN_LIMIT = 500

type Listener = (changes: RecordChange[]) => void
const listeners = new Set<Listener>()
let reachable = true
let unreachableMessage = ''
const reachListeners = new Set<() => void>()
let started = false

function setReachable(ok: boolean, message = '') {
  if (ok === reachable && message === unreachableMessage) return
  reachable = ok
  unreachableMessage = message
  for (const l of reachListeners) l()
}

/**
 * Starts the one poll of this page (idempotent) while the app is shown; the returned function stops
 * it (signed out or locked: nothing to follow, and no calls without a session).
 */
export function startLiveChanges(): () => void {
  if (started) return () => undefined
  started = true
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let cursor: number | null = null
  const seen = new Set<number>()
  const poll = async () => {
    try {
      const page = await api.changes.since({ after: cursor })
      setReachable(true)
      const fresh = page.changes.filter((c) => !seen.has(c.id))
      for (const c of fresh) seen.add(c.id)
      if (seen.size > SEEN_LIMIT) for (const id of [...seen].slice(0, seen.size - SEEN_LIMIT)) seen.delete(id)
      cursor = page.cursor
      if (fresh.length > 0) for (const l of listeners) l(fresh)
    } catch (e) {
      // `unavailable`: the server (or the app) cannot be reached; anything else is not the banner's.
      if (e instanceof ApiError && e.code === 'unavailable') setReachable(false, e.message)
    } finally {
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS)
    }
  }
  void poll()
  return () => {
    stopped = true
    started = false
    clearTimeout(timer)
  }
}

/** Calls `onChange` with the changes that `matches` selects (the latest callback, no re-subscribe). */
export function useRecordChanges(matches: (c: RecordChange) => boolean, onChange: (changes: RecordChange[]) => void): void {
  const latest = useRef({ matches, onChange })
  latest.current = { matches, onChange }
  useEffect(() => {
    const listener: Listener = (changes) => {
      const mine = changes.filter((c) => latest.current.matches(c))
      if (mine.length > 0) latest.current.onChange(mine)
    }
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])
}

/** Whether the last poll reached the clinic database, and the sentence to show when it did not. */
export function useDatabaseReachable(): { reachable: boolean; message: string } {
  const snapshot = useSyncExternalStore(
    (l) => {
      reachListeners.add(l)
      return () => reachListeners.delete(l)
    },
    () => (reachable ? '' : unreachableMessage || t('connection.unreachable')),
  )
  return { reachable: snapshot === '', message: snapshot }
}
