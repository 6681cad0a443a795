// `npm start` / `npm run dev`: the Electron app. Where Electron's binary is missing it says so in
// one line and points to the browser shell.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { ensureElectronNative } from './electron-native.mjs'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))

let binary = null
try {
  binary = require('electron')
} catch {
  binary = null
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error('Electron is not installed on this machine (its binary was not downloaded); run `npm run start:browser` to use Footcore in your browser instead.')
  process.exit(1)
}

ensureElectronNative()
const mode = process.argv.includes('--dev') ? 'dev' : 'preview'
const child = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), mode], { cwd: root, stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
