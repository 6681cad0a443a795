// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, beside (not instead
// of) the Node build in node_modules that `npm test` uses. The main process loads it through
// better-sqlite3's `nativeBinding` option, so `npm start` and `npm test` work in any order.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
}

export function electronNativePath(version = electronVersion()) {
  return join(root, '.native', `electron-${version}`, 'better_sqlite3.node')
}

export function ensureElectronNative() {
  const version = electronVersion()
  const target = electronNativePath(version)
  if (existsSync(target)) return target
  const work = join(root, '.native', 'build-better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) })
  console.log(`Preparing better-sqlite3 for Electron ${version} (once per Electron version)…`)
  const opts = { cwd: work, stdio: 'inherit' }
  try {
    // A prebuilt binary for Electron's ABI, when the publisher has one for this platform.
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version], opts)
  } catch {
    // Otherwise compile against Electron's headers.
    execFileSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], opts)
  }
  mkdirSync(join(target, '..'), { recursive: true })
  cpSync(join(work, 'build/Release/better_sqlite3.node'), target)
  rmSync(work, { recursive: true, force: true })
  return target
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureElectronNative())
