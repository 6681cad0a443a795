// The real Electron window. Needs Electron's binary, which machines without internet cannot download.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

function electronBinary(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the electron package exports its binary path
    const path = require('electron') as unknown as string
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()
if (!binary) {
  console.log('SKIPPED electron window tests: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1).')
}

test.describe('Electron window', () => {
  test.skip(!binary, 'Electron binary not installed on this machine')

  test('opens the app, with isolation and no Node in the page, and creates a patient', async () => {
    // The app loads better-sqlite3 built for Electron's ABI; build it once if missing.
    execFileSync(process.execPath, [resolve(__dirname, '../../scripts/electron-native.mjs')], { stdio: 'inherit' })
    const dir = mkdtempSync(join(tmpdir(), 'footcore-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [resolve(__dirname, '../..')],
      env: { ...process.env, FOOTCORE_USER_DATA: dir },
    })
    const page = await app.firstWindow()
    await expect(page).toHaveTitle('Footcore')
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (globalThis as { footcore?: { invoke?: unknown } }).footcore?.invoke)).toBe('function')
    await page.getByLabel('First name').fill('Дмитрий')
    await page.getByLabel('Last name').fill('Шостакович')
    await page.getByLabel('Date of birth').fill('1975-09-25')
    await page.getByRole('button', { name: 'Create patient' }).click()
    await expect(page.getByRole('table', { name: 'Patients' })).toContainText('Шостакович, Дмитрий')
    await app.close()
  })
})
