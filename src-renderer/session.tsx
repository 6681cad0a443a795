// The signed-in therapist, the clinic's therapists and its settings, shared by every screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Settings } from '@shared/domain/settings'
import type { Therapist } from '@shared/domain/therapist'
import { api } from './api'
import { useAuth } from './auth'
import { setScreenLanguage } from './i18n'
import { useRecordChanges } from './lib/liveChanges'

interface Session {
  /** The signed-in user when they measure and treat (not reception): the visit form's default. */
  therapist: Therapist | null
  therapists: Therapist[]
  settings: Settings | null
  /** Reloads therapists and settings after they change. */
  refresh(): Promise<void>
  loadError: string | null
}

const SessionContext = createContext<Session | null>(null)
export function SessionProvider({ children }: { children: ReactNode }) {
  const [therapists, setTherapists] = useState<Therapist[]>([])
  const [settings, setSettings] = useState<Settings | null>(null)
  const { user, followLockAfterMinutes } = useAuth()
  const therapistId = user.id
  const [loadError, setLoadError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [t, s] = await Promise.all([api.therapists.list({}), api.settings.get({})])
      setTherapists(t)
      setSettings(s)
      setScreenLanguage(s.language)
      followLockAfterMinutes(s.lockAfterMinutes)
      setLoadError(null)
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e))
    }
  }, [followLockAfterMinutes])

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

  const value = useMemo(() => ({ therapist, therapists, settings, refresh, loadError }), [therapist, therapists, settings, refresh, loadError])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}
