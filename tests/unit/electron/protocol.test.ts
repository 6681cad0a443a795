// The app:// protocol: the renderer's files are served, nothing outside its folder ever is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveAppAsset, serveAppRequest } from '../../../src-main/electron/protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/core/security'

const POSIX_ROOT = '/opt/footcore/renderer'
const WIN_ROOT = 'C:\\Program Files\\Footcore\\resources\\renderer'

const HOSTILE = [
  'app://footcore/../../etc/passwd',
  'app://footcore/assets/../../../etc/passwd',
  'app://footcore/%2e%2e/%2e%2e/etc/passwd',
  'app://footcore/%2E%2E/secret',
  'app://footcore/.%2e/secret',
  'app://footcore/assets/%2e%2e%2f%2e%2e%2fsecret',
  'app://footcore/..%2fsecret',
  'app://footcore/..%5csecret',
  'app://footcore/assets%5c..%5c..%5csecret',
  'app://footcore/..\\..\\secret',
  'app://footcore/assets\\..\\..\\Windows\\win.ini',
  'app://footcore/index.html%00.png',
  'app://footcore/%00',
  'app://footcore/C:/Windows/win.ini',
  'app://footcore/C%3A%5CWindows%5Cwin.ini',
  'app://footcore//etc/passwd/..',
  'app://footcore/%2fetc%2fpasswd',
  'app://footcore/%5c%5cserver%5cshare%5cfile',
  'app://footcore/file.txt:stream',
  'app://footcore/%252e%252e/secret', // double-encoded: decoded once it is a literal file name, still inside
  'app://footcore/%E0%A4%A',
  'app://footcore/./index.html',
  'app://elsewhere/index.html',
  'https://footcore/index.html',
  'file:///etc/passwd',
  'not a url',
]

describe('resolveAppAsset', () => {
  it('maps the app root and plain files into the renderer folder', () => {
    expect(resolveAppAsset('app://footcore/', POSIX_ROOT, path.posix)).toBe('/opt/footcore/renderer/index.html')
    expect(resolveAppAsset('app://footcore', POSIX_ROOT, path.posix)).toBe('/opt/footcore/renderer/index.html')
    expect(resolveAppAsset('app://footcore/index.html', POSIX_ROOT, path.posix)).toBe('/opt/footcore/renderer/index.html')
    expect(resolveAppAsset('app://footcore/assets/index-AbC1.js?v=2#x', POSIX_ROOT, path.posix)).toBe('/opt/footcore/renderer/assets/index-AbC1.js')
    expect(resolveAppAsset('app://footcore/assets/Dej%C3%A0%20Vu.ttf', POSIX_ROOT, path.posix)).toBe('/opt/footcore/renderer/assets/Dejà Vu.ttf')
    expect(resolveAppAsset('app://footcore/assets/app.js', WIN_ROOT, path.win32)).toBe(`${WIN_ROOT}\\assets\\app.js`)
  })

  for (const url of HOSTILE) {
    it(`never leaves the folder for ${JSON.stringify(url)}`, () => {
      for (const [root, api] of [
        [POSIX_ROOT, path.posix],
        [WIN_ROOT, path.win32],
      ] as const) {
        const file = resolveAppAsset(url, root, api)
        if (file === null) continue
        // Only the double-encoded case resolves, to a harmless literal name inside the folder.
        expect(url).toContain('%252e')
        const rel = api.relative(root, file)
        expect(rel.startsWith('..') || api.isAbsolute(rel)).toBe(false)
      }
    })
  }

  it('refuses every hostile path outright (except the harmless double-encoded name)', () => {
    const resolved = HOSTILE.filter((u) => resolveAppAsset(u, POSIX_ROOT, path.posix) !== null)
    expect(resolved).toEqual(['app://footcore/%252e%252e/secret'])
    expect(resolveAppAsset('app://footcore/%252e%252e/secret', POSIX_ROOT, path.posix)).toBe('/opt/footcore/renderer/%2e%2e/secret')
  })
})

describe('serveAppRequest', () => {
  let root: string
  let renderer: string
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'footcore-protocol-'))
    renderer = path.join(root, 'renderer')
    mkdirSync(path.join(renderer, 'assets'), { recursive: true })
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Footcore</title>')
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(path.join(root, 'secret.txt'), 'patient list')
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('serves the page with its type and the strict CSP', async () => {
    const res = await serveAppRequest('app://footcore/index.html', renderer)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('<title>Footcore</title>')
    const js = await serveAppRequest('app://footcore/assets/app.js', renderer)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 for a missing file and for the file next to the folder, however it is spelled', async () => {
    expect((await serveAppRequest('app://footcore/assets/missing.js', renderer)).status).toBe(404)
    for (const url of ['app://footcore/../secret.txt', 'app://footcore/%2e%2e/secret.txt', 'app://footcore/..%2fsecret.txt', 'app://footcore/..%5csecret.txt']) {
      const res = await serveAppRequest(url, renderer)
      expect(res.status, url).toBe(404)
      expect(await res.text()).not.toContain('patient list')
    }
  })
})
