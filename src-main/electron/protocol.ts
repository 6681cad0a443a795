// The app:// protocol: serves the built renderer from one folder and nothing outside it.
import { readFile } from 'node:fs/promises'
import nodePath from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../core/security'
import { APP_HOST, APP_SCHEME } from './window'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'extname'>

/**
 * The file an app:// URL names inside `rendererDir`, or null. Pure, so it is tested with hostile
 * paths on both POSIX and Windows rules: each segment is decoded once and refused if it is a dot
 * segment or holds a separator, backslash, colon (drive letters, streams) or control character,
 * and the joined path must still lie inside the folder.
 */
export function resolveAppAsset(requestUrl: string, rendererDir: string, path: PathApi = nodePath): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  // Read the raw path from the string: URL parsing already folds "..", but a caller may hand over anything.
  const afterHost = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  const rawPath = afterHost.split(/[?#]/)[0] ?? ''
  const rawSegments = rawPath.split('/').filter((s) => s !== '')
  if (rawSegments.length === 0) return path.join(rendererDir, 'index.html')
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '.' || segment === '..' || /[/\\:\u0000-\u001f\u007f]/.test(segment)) return null
    segments.push(segment)
  }
  const file = path.join(rendererDir, ...segments)
  const rel = path.relative(rendererDir, file)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null
  return file
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/** Answers one app:// request: the file with its type and the CSP, or 404. */
export async function serveAppRequest(
  requestUrl: string,
  rendererDir: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  const file = resolveAppAsset(requestUrl, rendererDir)
  if (file === null) return notFound()
  let body: Uint8Array
  try {
    body = await read(file)
  } catch {
    return notFound()
  }
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}
