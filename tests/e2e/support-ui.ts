// Page helpers shared by the renderer's end-to-end tests: Mantine selects, axe scans, screenshots.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page } from '@playwright/test'

export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/screenshots')

/** Opens a Mantine Select by its label and picks the option with this exact text. */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true })
  await box.click()
  await page.getByRole('option', { name: option, exact: true }).click()
  await expect(box).toHaveValue(option)
}

/** Serious and critical axe violations on the current page, as readable lines (empty when clean). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Scan what a reader sees, not a hover state left by the last click nor a colour mid-transition.
  await page.mouse.move(1, 1)
  await settleStyles(page)
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}

/** YYYY-MM-DD of today plus `days`, in the local time zone (as the app computes "today"). */
export function dayFromToday(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * Makes every style change instant and waits until no animation runs. Awaiting
 * `animation.finished` instead rejects with AbortError whenever the page cancels an animation
 * (a busy machine made that happen in two runs of three). Navigation drops the injected sheet,
 * so callers settle again after each page load.
 */
export async function settleStyles(page: Page): Promise<void> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
  await expect.poll(() => page.evaluate<number>('document.getAnimations().length')).toBe(0)
}

/** Header colour scheme switch: clicks until the page is in `scheme`, with the new colours in place. */
export async function setColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  const html = page.locator('html')
  // Before the click, so no colour transition starts at all.
  await settleStyles(page)
  if ((await html.getAttribute('data-mantine-color-scheme')) !== scheme) {
    await page.getByRole('button', { name: `Switch to ${scheme} colours` }).click()
  }
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme)
  await settleStyles(page)
}

/** Waits until no loader is shown: every page's data has arrived (the loaders are labelled "Loading …"). */
export async function expectLoaded(page: Page): Promise<void> {
  await expect(page.locator('[aria-label^="Loading"]')).toHaveCount(0)
}
