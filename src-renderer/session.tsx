// Who is working and the clinic's settings, shared by every screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Settings } from '@shared/domain/settings'
import type { Therapist } from '@shared/domain/therapist'
import { api, setActor } from './api'
import { useRecordChanges } from './lib/liveChanges'

interface Session {
  /** The therapist working at the computer; null until one is chosen or created. */
  therapist: Therapist | null
  therapists: Therapist[]
  settings: Settings | null
  chooseTherapist(id: number | null): void
  /** Reloads therapists and settings after they change. */
  refresh(): Promise<void>
  loadError: string | null
}

const SessionContext = createContext<Session | null>(null)
const STORAGE_KEY = 'footcore.therapistId'

export function SessionProvider({ children }: { children: ReactNode }) {
  const [therapists, setTherapists] = useState<Therapist[]>([])
  const [settings, setSettings] = useState<Settings | null>(null)
  const [therapistId, setTherapistId] = useState<number | null>(() => {
    const saved = Number(window.localStorage.getItem(STORAGE_KEY))
    return Number.isInteger(saved) && saved > 0 ? saved : null
  })
  const [loadError, setLoadError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [t, s] = await Promise.all([api.therapists.list({}), api.settings.get({})])
      setTherapists(t)
      setSettings(s)
      setLoadError(null)
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e))
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])
  // Thresholds, the arch height method and the therapists list changed on another workstation:
  // every verdict and label on this page follows the clinic's current settings.
  useRecordChanges((c) => c.entity === 'settings' || c.entity === 'therapist', () => void refresh())

  // Another tab or workstation may have changed the thresholds, the arch height method or the
  // therapists: read them again whenever this page comes back into view (until change notices exist).
  useEffect(() => {
    const onFocus = () => void refresh()
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh()
    }
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [refresh])

  const therapist = therapists.find((t) => t.id === therapistId) ?? null
  // Keep the API client's actor in step with the header switcher.
  setActor(therapist?.id ?? null)

  const chooseTherapist = useCallback((id: number | null) => {
    setTherapistId(id)
    setActor(id)
    if (id === null) window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, String(id))
  }, [])

  const value = useMemo(
    () => ({ therapist, therapists, settings, chooseTherapist, refresh, loadError }),
    [therapist, therapists, settings, chooseTherapist, refresh, loadError],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}
