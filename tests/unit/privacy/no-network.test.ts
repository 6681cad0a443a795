// The app makes no network connection: no code path to one in main or the renderer, and a CSP
// that would refuse one anyway.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserShell, type BrowserShell } from '../../../src-main/browser-shell/server'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/core/security'
import { openTestClinic, type TestClinic } from '../../support/db'

const ROOT = resolve(__dirname, '../../..')

/** Source files only: build output folders (out*, also inside src-renderer) and dependencies are not the app's code. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return /^(out|node_modules|dist)/.test(name) ? [] : sources(full)
    return /\.(ts|tsx|html|css)$/.test(name) ? [full] : []
  })
}

const files = ['src-main', 'src-renderer', 'src-shared'].flatMap((d) => sources(join(ROOT, d))).map((file) => {
  const text = readFileSync(file, 'utf8')
  // Comments may mention APIs by name; only code counts.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  return { file: relative(ROOT, file).replaceAll('\\', '/'), code }
})

const NETWORK_MODULES = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(http|https|http2|net|tls|dgram|dns|dns\/promises|child_process|ws|undici|axios|node-fetch|got|electron-fetch|pg)['"]/g

describe('no network code paths', () => {
  it('scans a real set of sources', () => {
    expect(files.length).toBeGreaterThan(40)
    expect(files.some((f) => f.file === 'src-main/browser-shell/server.ts')).toBe(true)
  })

  it('imports network modules only in the loopback browser shell and the clinic database server connection', () => {
    const uses = files.flatMap((f) => [...f.code.matchAll(NETWORK_MODULES)].map((m) => `${f.file}: ${m[1]}`))
    // pg connects only to the address the clinic configured (--database / Settings); pg_dump is
    // started only to back up that same server.
    expect(uses.sort()).toEqual([
      'src-main/browser-shell/server.ts: http',
      'src-main/browser-shell/server.ts: net',
      'src-main/core/db/postgres-backup.ts: child_process',
      'src-main/core/db/postgres.ts: pg',
    ])
  })

  it('has the browser shell serve (never request) and listen on 127.0.0.1 only', () => {
    const server = files.find((f) => f.file === 'src-main/browser-shell/server.ts')!.code
    const fromHttp = /import\s*\{([^}]*)\}\s*from\s*'node:http'/.exec(server)![1]!.split(',').map((s) => s.trim().replace(/^type\s+/, ''))
    expect(fromHttp.filter((n) => !['IncomingMessage', 'Server', 'ServerResponse'].includes(n))).toEqual(['createServer'])
    const listens = [...server.matchAll(/\.listen\(([^)]*)\)/g)].map((m) => m[1]!)
    expect(listens.length).toBe(1)
    expect(listens[0]).toMatch(/,\s*'127\.0\.0\.1'/)
  })

  it('fetches only the relative /api/ path, and nothing else opens a connection', () => {
    const fetches = files.flatMap((f) => [...f.code.matchAll(/\bfetch\(\s*([^,)]*)/g)].map((m) => ({ file: f.file, target: m[1]!.trim() })))
    // app:// files are read from disk by the protocol handler, never fetched.
    expect(fetches).toEqual([{ file: 'src-renderer/api.ts', target: '`/api/${method}`' }])
    const other = /\b(WebSocket|XMLHttpRequest|EventSource|RTCPeerConnection|WebTransport)\b|sendBeacon\(|importScripts\(|net\.(request|fetch|connect|createConnection)\(|\.openExternal\(|window\.open\(/
    const hits = files.filter((f) => other.test(f.code)).map((f) => `${f.file}: ${f.code.match(other)![0]}`)
    // index.ts only hands shell.openExternal to the guards, which call it for allowlisted https
    // addresses (none today): tests/unit/electron/entry.test.ts and guards.test.ts.
    expect(hits).toEqual(['src-main/index.ts: .openExternal('])
  })

  it('loads no remote scripts, styles, fonts or images', () => {
    const remote = /(?:src|href|url)\s*[=(]\s*\{?\s*['"`]?(?:https?:|wss?:|ftp:)?\/\/[^'"`\s)]+/g
    const hits = files.flatMap((f) => [...f.code.matchAll(remote)].map((m) => `${f.file}: ${m[0]}`))
    expect(hits).toEqual([])
  })
})

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!, d.slice(1)]),
  )

  it("allows connections to the app itself only (connect-src 'self')", () => {
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('default-src')).toEqual(["'none'"])
  })

  it('allows no inline or evaluated script, no plugins, no framing, no form posts elsewhere', () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    for (const [name, values] of directives) {
      for (const v of values) expect(`${name} ${v}`).not.toMatch(/\*|https?:|wss?:|'unsafe-eval'|'strict-dynamic'/)
    }
  })

  describe('as the browser shell sends it', () => {
    let clinic: TestClinic
    let shell: BrowserShell
    let dir: string
    beforeAll(async () => {
      clinic = await openTestClinic()
      dir = mkdtempSync(join(tmpdir(), 'footcore-csp-'))
      writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Footcore</title></head><body></body></html>')
      shell = await startBrowserShell({ core: { db: clinic.database.db }, rendererDir: dir, port: 0, token: 't' })
    })
    afterAll(async () => {
      await shell.close()
      await clinic.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('puts the same policy on the page and on API answers', async () => {
      const page = await fetch(shell.url)
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      const api = await fetch(`${shell.url}api/settings.get`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-footcore-token': 't' }, body: '{}' })
      expect(api.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    })
  })
})
