// `npm run start:browser`: builds the app when sources are newer than the build, then starts the
// loopback browser shell with the arguments given (--port, --db).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const built = [join(root, 'out/main/browser-shell.js'), join(root, 'out/renderer/index.html')]

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

const sources = ['src-main', 'src-renderer', 'src-shared', 'resources'].map((d) => join(root, d)).filter(existsSync)
const sourceTime = Math.max(...sources.map(newestMtime), statSync(join(root, 'electron.vite.config.ts')).mtimeMs)
const stale = built.some((f) => !existsSync(f) || statSync(f).mtimeMs < sourceTime)
if (stale) {
  console.log('Building Footcore…')
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const child = spawn(process.execPath, [built[0], ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
