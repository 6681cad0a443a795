// Electron-only "save PDF": a save dialog with the suggested name, then the file opens in the system viewer.
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { App, BrowserWindow as BrowserWindowClass, Dialog, Shell } from 'electron'
import { z } from 'zod'
import type { CallEnvelope } from '@shared/api'
import type { ApiResult } from '@shared/domain/errors'
import { log } from '../core/log'
import { trustedHandler } from './ipc'
import type { SenderEvent } from './guards'

/** The preload's `invoke('shell.savePdf', …)` arrives here; not a contract method (the browser shell has none). */
export const SAVE_PDF_CHANNEL = 'api:shell.savePdf'

const MAX_PDF_BYTES = 50 * 1024 * 1024

const SavePdfInput = z
  .object({
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_PDF_BYTES, { error: 'Not a printable document' }),
    suggestedName: z.string().min(1).max(255),
  })
  .strict()

export interface SavePdfResult {
  saved: boolean
}

export interface SavePdfDeps {
  /** Resolves with the chosen path, or null when the person cancelled. */
  chooseFile(defaultPath: string): Promise<string | null>
  writeFile(path: string, bytes: Uint8Array): Promise<void>
  /** Opens with the system's PDF viewer; resolves with an error text, "" on success (like shell.openPath). */
  openFile(path: string): Promise<string>
  documentsDir: string
}

/** A bare file name ending in .pdf: no folders, nothing file systems refuse. */
export function safePdfName(suggested: string): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    .replace(/[/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const base = name === '' || name === '.pdf' ? 'Footcore document.pdf' : name
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`
}

export async function savePdf(deps: SavePdfDeps, input: unknown): Promise<ApiResult<SavePdfResult>> {
  const parsed = SavePdfInput.safeParse(input)
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'Not a printable document' } }
  const path = await deps.chooseFile(join(deps.documentsDir, safePdfName(parsed.data.suggestedName)))
  if (path === null) return { ok: true, value: { saved: false } }
  try {
    await deps.writeFile(path, parsed.data.bytes)
  } catch (e) {
    log.error('saving a PDF failed', { code: (e as NodeJS.ErrnoException).code ?? 'unknown' })
    return { ok: false, error: { code: 'internal', message: 'The file could not be saved there. Choose another folder and try again.' } }
  }
  const problem = await deps.openFile(path)
  // Saved is saved: a missing PDF viewer is reported in the log, not as a failed save.
  if (problem) log.warn('opening the saved PDF failed', { code: 'open_failed' })
  return { ok: true, value: { saved: true } }
}

/** The Electron pieces the save needs, passed in so this module loads (and is tested) without Electron. */
export interface ElectronForSave {
  app: Pick<App, 'getPath'>
  BrowserWindow: Pick<typeof BrowserWindowClass, 'getFocusedWindow' | 'getAllWindows'>
  dialog: Pick<Dialog, 'showSaveDialog'>
  shell: Pick<Shell, 'openPath'>
}

export function electronDeps({ app, BrowserWindow, dialog, shell }: ElectronForSave): SavePdfDeps {
  return {
    async chooseFile(defaultPath) {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
      const options = { defaultPath, filters: [{ name: 'PDF document', extensions: ['pdf'] }] }
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    openFile: (path) => shell.openPath(path),
    documentsDir: app.getPath('documents'),
  }
}

interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, envelope: CallEnvelope | undefined) => Promise<unknown>): void
}

/** Registers the channel behind the same sender check as every API method. */
export function registerSavePdf(ipcMain: IpcMainLike, devOrigin: string | undefined, electron: ElectronForSave): void {
  ipcMain.handle(
    SAVE_PDF_CHANNEL,
    trustedHandler(SAVE_PDF_CHANNEL, devOrigin, (_event: SenderEvent, envelope: CallEnvelope | undefined) =>
      savePdf(electronDeps(electron), envelope?.input),
    ),
  )
}
