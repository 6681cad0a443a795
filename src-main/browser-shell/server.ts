// The loopback browser shell: serves the built renderer and the API router on 127.0.0.1 only,
// so the whole app runs and is tested in a real browser where Electron's binary is missing.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { dispatch, type Core } from '../core/api/router'
import { log } from '../core/log'
import { CONTENT_SECURITY_POLICY } from '../core/security'


const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

const MAX_BODY_BYTES = 4 * 1024 * 1024
const LOOPBACK = new Set(['127.0.0.1', 'localhost'])

export interface BrowserShellOptions {
  core: Core
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  port: number
  /** Fixed token for tests; a random one per start otherwise. */
  token?: string
}

export interface BrowserShell {
  url: string
  token: string
  server: Server
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...extra,
  })
  res.end(body)
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8')

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Host header must name this loopback server (stops DNS-rebinding pages from reaching the API). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  const m = /^([^:]+|\[::1\]):(\d+)$/.exec(host)
  if (!m) return false
  return (LOOPBACK.has(m[1]!) || m[1] === '[::1]') && Number(m[2]) === port
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = resolve(root, normalize(`.${sep}${decoded}`))
  return full === root || full.startsWith(root + sep) ? full : null
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = options.token ?? randomBytes(32).toString('hex')
  const root = resolve(options.rendererDir)
  const indexHtml = (await readFile(join(root, 'index.html'), 'utf8')).replace(
    '</head>',
    `<meta name="footcore-token" content="${token}"></head>`,
  )
  let port = options.port

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log.error('browser shell request failed', { error: e instanceof Error ? e.message : String(e) })
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 403, 'Forbidden', 'text/plain')
    const url = req.url ?? '/'
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'not_found', message: 'Use POST' } })
      const given = req.headers['x-footcore-token']
      if (typeof given !== 'string' || !tokensEqual(given, token)) {
        return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong session token' } })
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON' } })
      }
      const body = await readBody(req)
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: 'Request too large' } })
      let envelope: { input?: unknown; databaseId?: unknown }
      try {
        envelope = JSON.parse(body) as typeof envelope
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Request body is not valid JSON' } })
      }
      if (typeof envelope !== 'object' || envelope === null) {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Request body must be an object' } })
      }
      // The page's session: issued by a sign-in and kept by the page, never written into it by the shell.
      const session = req.headers['x-footcore-session']
      const result = await dispatch(options.core, url.slice('/api/'.length).split('?')[0] ?? '', envelope.input, typeof session === 'string' ? session : null, envelope.databaseId)
      return sendJson(res, 200, result)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain')
    const path = url === '/' || url.startsWith('/?') ? null : safeJoin(root, url)
    if (path === null && !(url === '/' || url.startsWith('/?'))) return send(res, 404, 'Not found', 'text/plain')
    if (path === null || path === join(root, 'index.html')) return send(res, 200, indexHtml, TYPES['.html']!)
    try {
      const body = await readFile(path)
      return send(res, 200, body, TYPES[extname(path)] ?? 'application/octet-stream')
    } catch {
      // Client-side routes (/patients/12) fall back to the app page.
      return extname(path) === '' ? send(res, 200, indexHtml, TYPES['.html']!) : send(res, 404, 'Not found', 'text/plain')
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    // Loopback only: never a non-loopback address, whatever the options say.
    server.listen(options.port, '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok())
        // An open page keeps keep-alive connections; without this, stopping waits for them forever.
        server.closeAllConnections()
      }),
  }
}
