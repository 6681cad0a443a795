// End-to-end tests: the browser shell in Debian's Chromium (e2e), and the real Electron window (electron).
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

export default defineConfig({
  testDir: 'tests',
  projects: [
    { name: 'sqlite', testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'], metadata: { dialect: 'sqlite' } },
    // The therapist's day once more with the clinic database on a throwaway PostgreSQL server.
    { name: 'postgres', testMatch: ['e2e/therapist-day.spec.ts'], metadata: { dialect: 'postgres' } },
  ],
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines.
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
})
