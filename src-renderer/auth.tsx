// Who is at the keyboard: the first start, sign-in, the lock screen, and the signed-in app. While
// signed out or locked the app is not rendered at all (no patient name stays in the page); a lock
// keeps the open forms' typed values in memory so unlocking returns to them.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Center, Loader } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { SessionState, SetupStatus, SignedInUser } from '@shared/domain/user'
import type { MethodName } from '@shared/api'
import { api, onSessionEvent } from './api'
import { useT } from './i18n'
import { navigate } from './router'
import { forgetKeptDrafts, keepDraftsForUnlock } from './lib/keptDrafts'
import { FirstStartPage } from './pages/FirstStartPage'
import { LockScreen } from './pages/LockScreen'
import { SignInPage } from './pages/SignInPage'

/** How often the page tells the core someone is still typing (the core locks a silent session too). */
const STILL_HERE_MS = 60_000

type Phase =
  | { name: 'loading' }
  | { name: 'firstStart'; status: SetupStatus }
  | { name: 'signedOut' }
  | { name: 'locked'; user: SignedInUser }
  | { name: 'signedIn'; session: SessionState & { user: SignedInUser } }

interface Auth {
  user: SignedInUser
  /** True when the signed-in user's role may call `method` (the core's table; the core still checks). */
  may(method: MethodName): boolean
  lock(): void
  signOut(): void
  /** The clinic's idle time as the settings say now (an administrator may have changed it). */
  followLockAfterMinutes(minutes: number): void
}

const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const a = useContext(AuthContext)
  if (!a) throw new Error('useAuth outside AuthGate')
  return a
}

const signedIn = (s: SessionState): s is SessionState & { user: SignedInUser } => s.user !== null

export function AuthGate({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' })
  const t = useT()

  const enter = useCallback((s: SessionState) => {
    if (!signedIn(s)) setPhase({ name: 'signedOut' })
    else if (s.locked) setPhase({ name: 'locked', user: s.user })
    else setPhase({ name: 'signedIn', session: s })
  }, [])

  const load = useCallback(async () => {
    try {
      const status = await api.session.setupStatus({})
      if (status.needsFirstAdministrator) return setPhase({ name: 'firstStart', status })
      enter(await api.session.current({}))
    } catch {
      setPhase({ name: 'signedOut' })
    }
  }, [enter])
  useEffect(() => void load(), [load])

  const phaseRef = useRef(phase)
  phaseRef.current = phase

  /** Clears the page of everyone's data: what is typed is kept in memory only, for the unlock. */
  const lockNow = useCallback(() => {
    const p = phaseRef.current
    if (p.name !== 'signedIn') return
    keepDraftsForUnlock()
    notifications.clean()
    setPhase({ name: 'locked', user: p.session.user })
    void api.session.lock({}).catch(() => undefined)
  }, [])

  const signOut = useCallback(() => {
    forgetKeptDrafts()
    notifications.clean()
    void api.session.signOut({}).catch(() => undefined)
    // The next person starts at the patient list, not on the page (or patient) the last one had open.
    navigate('/patients', { force: true })
    setPhase({ name: 'signedOut' })
  }, [])

  // The core says the session is locked (idle on the server) or gone (ended, expired, deactivated).
  useEffect(
    () =>
      onSessionEvent((e) => {
        if (e === 'locked') lockNow()
        else if (phaseRef.current.name === 'signedIn' || phaseRef.current.name === 'locked') {
          forgetKeptDrafts()
          setPhase({ name: 'signedOut' })
        }
      }),
    [lockNow],
  )

  useIdleLock(phase.name === 'signedIn' ? phase.session.lockAfterMinutes : null, lockNow)

  const followLockAfterMinutes = useCallback((minutes: number) => {
    setPhase((p) => (p.name === 'signedIn' && p.session.lockAfterMinutes !== minutes ? { ...p, session: { ...p.session, lockAfterMinutes: minutes } } : p))
  }, [])

  const auth = useMemo<Auth | null>(() => {
    if (phase.name !== 'signedIn') return null
    const allowed = new Set(phase.session.allowedMethods)
    return { user: phase.session.user, may: (m) => allowed.has(m), lock: lockNow, signOut, followLockAfterMinutes }
  }, [phase, lockNow, signOut, followLockAfterMinutes])

  switch (phase.name) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )
    case 'firstStart':
      return <FirstStartPage status={phase.status} onDone={enter} />
    case 'signedOut':
      return <SignInPage onSignedIn={enter} />
    case 'locked':
      return <LockScreen user={phase.user} onUnlocked={enter} onSwitchUser={signOut} />
    case 'signedIn':
      return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
  }
}

/**
 * Locks after `minutes` without a key, click, touch or scroll (null: not signed in), and with
 * Ctrl+Shift+L at once. While someone types, the core hears it every minute (its own idle lock
 * would otherwise take a session whose page makes no calls during a long note).
 */
function useIdleLock(minutes: number | null, lock: () => void): void {
  useEffect(() => {
    if (minutes === null) return
    let lastInput = Date.now()
    let lastPing = Date.now()
    const onInput = () => {
      lastInput = Date.now()
      if (lastInput - lastPing > STILL_HERE_MS) {
        lastPing = lastInput
        void api.session.stillHere({}).catch(() => undefined)
      }
    }
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault()
        lock()
        return
      }
      onInput()
    }
    const events = ['pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const
    for (const ev of events) document.addEventListener(ev, onInput, { passive: true, capture: true })
    document.addEventListener('keydown', onKey, { capture: true })
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput >= minutes * 60_000) lock()
    }, 1000)
    return () => {
      for (const ev of events) document.removeEventListener(ev, onInput, { capture: true })
      document.removeEventListener('keydown', onKey, { capture: true })
      window.clearInterval(timer)
    }
  }, [minutes, lock])
}
