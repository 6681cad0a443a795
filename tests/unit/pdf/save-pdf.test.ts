// Electron's save-PDF without Electron: dialog default name, cancel, write failure, untrusted sender.
import { describe, expect, it } from 'vitest'
import { registerSavePdf, safePdfName, savePdf, SAVE_PDF_CHANNEL, type SavePdfDeps } from '../../../src-main/electron/save-pdf'

function fakeDeps(choose: string | null, writeFails = false) {
  const calls: { defaultPath?: string; written?: string; opened?: string } = {}
  const deps: SavePdfDeps = {
    chooseFile: async (defaultPath) => {
      calls.defaultPath = defaultPath
      return choose
    },
    writeFile: async (path) => {
      if (writeFails) throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
      calls.written = path
    },
    openFile: async (path) => {
      calls.opened = path
      return ''
    },
    documentsDir: '/home/anna/Documents',
  }
  return { deps, calls }
}

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46])

describe('save PDF in Electron', () => {
  it('offers the suggested name in Documents, saves, then opens the file in the system viewer', async () => {
    const { deps, calls } = fakeDeps('/home/anna/Desktop/report.pdf')
    const r = await savePdf(deps, { bytes: pdf, suggestedName: "Łukasiewicz-O'Brien Zoë – Handout – 2026-11-26.pdf" })
    expect(r).toEqual({ ok: true, value: { saved: true } })
    expect(calls.defaultPath).toBe("/home/anna/Documents/Łukasiewicz-O'Brien Zoë – Handout – 2026-11-26.pdf")
    expect(calls.written).toBe('/home/anna/Desktop/report.pdf')
    expect(calls.opened).toBe('/home/anna/Desktop/report.pdf')
  })

  it('does nothing when the person cancels, and says so plainly when the folder cannot be written', async () => {
    const cancelled = fakeDeps(null)
    expect(await savePdf(cancelled.deps, { bytes: pdf, suggestedName: 'a.pdf' })).toEqual({ ok: true, value: { saved: false } })
    expect(cancelled.calls.written).toBeUndefined()
    const failing = fakeDeps('/readonly/a.pdf', true)
    const r = await savePdf(failing.deps, { bytes: pdf, suggestedName: 'a.pdf' })
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(failing.calls.opened).toBeUndefined()
  })

  it('refuses input that is not a document, and names never leave the chosen folder', async () => {
    const { deps } = fakeDeps('/x.pdf')
    expect(await savePdf(deps, { bytes: 'not bytes', suggestedName: 'a.pdf' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(safePdfName('../../etc/passwd')).toBe('passwd.pdf')
    expect(safePdfName('C:\\Users\\x\\a:b.pdf')).toBe('a b.pdf')
    expect(safePdfName('')).toBe('Footcore document.pdf')
  })

  it('is registered behind the sender check: a foreign frame is refused before any dialog', async () => {
    const handlers = new Map<string, (event: { senderFrame: { url: string; parent: unknown } | null }, envelope: unknown) => Promise<unknown>>()
    let dialogs = 0
    registerSavePdf({ handle: (channel, listener) => handlers.set(channel, listener as never) }, undefined, {
      app: { getPath: () => '/docs' },
      BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
      dialog: {
        showSaveDialog: async () => {
          dialogs++
          return { canceled: true, filePath: '' }
        },
      },
      shell: { openPath: async () => '' },
    } as never)
    const handler = handlers.get(SAVE_PDF_CHANNEL)!
    const refused = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, { input: { bytes: pdf, suggestedName: 'a.pdf' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(dialogs).toBe(0)
    const allowed = await handler({ senderFrame: { url: 'app://footcore/index.html', parent: null } }, { input: { bytes: pdf, suggestedName: 'a.pdf' } })
    expect(allowed).toEqual({ ok: true, value: { saved: false } })
    expect(dialogs).toBe(1)
  })
})
