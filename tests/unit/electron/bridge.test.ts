// The preload's bridge: one frozen `invoke`, only well-formed method names, only the envelope.
import { describe, expect, it, vi } from 'vitest'
import { createBridge } from '../../../src-main/electron/bridge'

describe('createBridge', () => {
  it('exposes exactly one function, frozen', () => {
    const bridge = createBridge(async () => null)
    expect(Object.keys(bridge)).toEqual(['invoke'])
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('sends a method to its api: channel with only input, actorId and the database identity', async () => {
    const ipc = vi.fn(async () => ({ ok: true }))
    const bridge = createBridge(ipc)
    const envelope = { input: { id: 3 }, actorId: 2, extra: 'dropped', toString: () => 'x' }
    await bridge.invoke('patients.get', envelope)
    expect(ipc).toHaveBeenCalledWith('api:patients.get', { input: { id: 3 }, actorId: 2, databaseId: null })
    await bridge.invoke('shell.savePdf', { input: null, actorId: '2' as unknown as number, databaseId: 7 as unknown as string })
    expect(ipc).toHaveBeenLastCalledWith('api:shell.savePdf', { input: null, actorId: null, databaseId: null })
    await bridge.invoke('patients.get', { input: {}, actorId: 2, databaseId: 'f00d' })
    expect(ipc).toHaveBeenLastCalledWith('api:patients.get', { input: {}, actorId: 2, databaseId: 'f00d' })
  })

  it('refuses channel names that could reach other IPC listeners', async () => {
    const ipc = vi.fn(async () => null)
    const bridge = createBridge(ipc)
    for (const method of ['', 'patients', 'api:patients.get', 'patients.get:x', '../x.y', 'ELECTRON_BROWSER_WINDOW.close', 'patients.get ', 'a.b.c']) {
      await expect(bridge.invoke(method, { input: {}, actorId: null }), method).rejects.toThrow('Unknown method')
    }
    await expect(bridge.invoke(42 as unknown as string, { input: {}, actorId: null })).rejects.toThrow('Unknown method')
    expect(ipc).not.toHaveBeenCalled()
  })
})
