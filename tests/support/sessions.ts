// Signing in from a test that calls the router itself (an AppState, a database opened by hand): the
// clinic's first administrator, as the first start creates them, and their session's token.
import { dispatch, type Core } from '../../src-main/core/api/router'
import type { ApiResult } from '../../src-shared/domain/errors'
import type { FirstAdministratorResult, SignInResult } from '../../src-shared/domain/user'

export const TEST_ADMIN = { displayName: 'Anna Nowak', loginName: 'anna', secret: '428613' }

/** Creates the first administrator on `core` (once per database) and returns their session token. */
export async function firstAdministrator(core: Core, who: { displayName: string; loginName: string; secret: string } = TEST_ADMIN): Promise<{ token: string; id: number }> {
  const r = await dispatch(core, 'session.createFirstAdministrator', who, null)
  if (!r.ok) throw new Error(`session.createFirstAdministrator: ${r.error.code} ${r.error.message}`)
  const value = r.value as FirstAdministratorResult
  return { token: value.sessionToken!, id: value.session.user!.id }
}

/**
 * Calls the router as the test administrator, as a person at the app would: creates them on the
 * first call, signs in again when the session ended (a test's clock moved days on) and unlocks when
 * the idle lock took it. `core()` is read per call (a restore or a move swaps the database).
 */
export function asAdministrator(core: () => Core): { call(method: string, input?: unknown, databaseId?: string | null): Promise<ApiResult<unknown>>; reset(): void } {
  let token: string | null = null
  const signIn = async () => {
    const r = await dispatch(core(), 'session.signIn', { loginName: TEST_ADMIN.loginName, secret: TEST_ADMIN.secret }, null)
    if (r.ok && (r.value as SignInResult).status === 'signedIn') return (r.value as { sessionToken: string }).sessionToken
    return (await firstAdministrator(core())).token
  }
  return {
    reset: () => {
      token = null
    },
    async call(method, input = {}, databaseId) {
      // A database that is not open (the recovery screen) has nobody to sign in: the call goes without.
      token ??= await signIn().catch(() => null)
      let r = await dispatch(core(), method, input, token, databaseId)
      if (!r.ok && r.error.code === 'locked') {
        await dispatch(core(), 'session.unlock', { secret: TEST_ADMIN.secret }, token)
        r = await dispatch(core(), method, input, token, databaseId)
      } else if (!r.ok && r.error.code === 'unauthorized' && r.error.message === 'Sign in to continue') {
        token = await signIn()
        r = await dispatch(core(), method, input, token, databaseId)
      }
      return r
    },
  }
}
