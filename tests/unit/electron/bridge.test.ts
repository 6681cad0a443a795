// The preload's bridge: one frozen `invoke`, only well-formed method names, only the envelope.
import { describe, expect, it, vi } from 'vitest'
import type { CallEnvelope } from '@shared/api'
import { createBridge } from '../../../src-main/electron/bridge'

describe('createBridge', () => {
  it('exposes exactly one function, frozen', () => {
    const bridge = createBridge(async () => null)
    expect(Object.keys(bridge)).toEqual(['invoke'])
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('sends a method to its api: channel with only input and the database identity (no actor, no session)', async () => {
    const ipc = vi.fn(async () => ({ ok: true }))
    const bridge = createBridge(ipc)
    const envelope = { input: { id: 3 }, actorId: 2, sessionToken: 'forged', extra: 'dropped', toString: () => 'x' } as unknown as CallEnvelope
    await bridge.invoke('patients.get', envelope)
    expect(ipc).toHaveBeenCalledWith('api:patients.get', { input: { id: 3 }, databaseId: null })
    await bridge.invoke('shell.savePdf', { input: null, databaseId: 7 as unknown as string })
    expect(ipc).toHaveBeenLastCalledWith('api:shell.savePdf', { input: null, databaseId: null })
    await bridge.invoke('patients.get', { input: {}, databaseId: 'f00d' })
    expect(ipc).toHaveBeenLastCalledWith('api:patients.get', { input: {}, databaseId: 'f00d' })
  })

  it('refuses channel names that could reach other IPC listeners', async () => {
    const ipc = vi.fn(async () => null)
    const bridge = createBridge(ipc)
    for (const method of ['', 'patients', 'api:patients.get', 'patients.get:x', '../x.y', 'ELECTRON_BROWSER_WINDOW.close', 'patients.get ', 'a.b.c']) {
      await expect(bridge.invoke(method, { input: {} }), method).rejects.toThrow('Unknown method')
    }
    await expect(bridge.invoke(42 as unknown as string, { input: {} })).rejects.toThrow('Unknown method')
    expect(ipc).not.toHaveBeenCalled()
  })
})
