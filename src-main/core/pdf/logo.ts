// Reads the clinic logo data URL (PNG or JPEG) into bytes and pixel size, without an image library.
import type { Logo } from './furniture'

function pngSize(b: Buffer): { w: number; h: number } | null {
  const signature = '89504e470d0a1a0a'
  if (b.length < 24 || b.subarray(0, 8).toString('hex') !== signature) return null
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) }
}

function jpegSize(b: Buffer): { w: number; h: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    const length = b.readUInt16BE(i + 2)
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { h: b.readUInt16BE(i + 5), w: b.readUInt16BE(i + 7) }
    }
    i += 2 + length
  }
  return null
}

/** Null when there is no logo or it cannot be read: the header then shows the clinic name only. */
export function decodeLogo(dataUrl: string | null): Logo | null {
  if (!dataUrl) return null
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl)
  if (!m) return null
  const data = Buffer.from(m[2]!, 'base64')
  const size = m[1] === 'png' ? pngSize(data) : jpegSize(data)
  if (!size || size.w === 0 || size.h === 0) return null
  return { data, widthPx: size.w, heightPx: size.h }
}
