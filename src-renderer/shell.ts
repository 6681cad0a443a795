// Hands a generated file to the person: Electron shows a save dialog and opens it; the browser shell downloads it.
import { ApiError, type ApiResult } from '@shared/domain/errors'

export interface SavePdfResult {
  /** False when the person cancelled the save dialog. */
  saved: boolean
  /** True in the browser shell: the browser downloaded the file (no save dialog). */
  downloaded?: boolean
}

/** The contract carries PDFs as base64 (JSON over both transports). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Starts a browser download of `blob` named `fileName` (the browser shell's way to save a file). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has started from the object URL by now; a later revoke only frees memory.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export async function savePdf(bytes: Uint8Array, suggestedName: string): Promise<SavePdfResult> {
  if (window.footcore) {
    const result = (await window.footcore.invoke('shell.savePdf', {
      input: { bytes, suggestedName },
    })) as ApiResult<SavePdfResult>
    if (!result.ok) throw new ApiError(result.error)
    return result.value
  }
  downloadBlob(new Blob([bytes.slice().buffer], { type: 'application/pdf' }), suggestedName)
  return { saved: true, downloaded: true }
}
