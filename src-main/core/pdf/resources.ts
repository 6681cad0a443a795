// Finds the shipped resources/ folder (fonts, illustrations) from source, tests and built bundles alike.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const found = new Map<string, string>()

/**
 * FOOTCORE_RESOURCES wins; otherwise walk up from this module to the folder holding package.json.
 * The built main runs from out*\/main/*.js, the tests from src-main/core/pdf: both reach the root.
 */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string {
  if (env.FOOTCORE_RESOURCES) return resolve(env.FOOTCORE_RESOURCES)
  const start = resolve(from)
  const known = found.get(start)
  if (known !== undefined) return known
  let dir = start
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) {
      found.set(start, join(dir, 'resources'))
      return join(dir, 'resources')
    }
    const up = dirname(dir)
    if (up === dir) throw new Error('Footcore resources folder not found; set FOOTCORE_RESOURCES')
    dir = up
  }
}

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const

export function fontPath(weight: keyof typeof FONT_FILES): string {
  return join(resourcesDir(), 'fonts', FONT_FILES[weight])
}

/**
 * The Noto faces for scripts DejaVu Sans lacks, copied (CJK: cut to a subset) from Debian's
 * fonts-noto-core and fonts-noto-cjk by scripts/build-fonts.mjs into resources/fonts/noto.
 * CJK has one weight: the bold file would add another 10 MB for headings only.
 */
export const NOTO_FILES = {
  arabic: { regular: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf' },
  hebrew: { regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf' },
  devanagari: { regular: 'NotoSansDevanagari-Regular.ttf', bold: 'NotoSansDevanagari-Bold.ttf' },
  thai: { regular: 'NotoSansThai-Regular.ttf', bold: 'NotoSansThai-Bold.ttf' },
  cjk: { regular: 'NotoSansCJKsc-Regular.subset.otf', bold: 'NotoSansCJKsc-Regular.subset.otf' },
} as const

export function notoPath(face: keyof typeof NOTO_FILES, weight: keyof typeof FONT_FILES): string {
  return join(resourcesDir(), 'fonts', 'noto', NOTO_FILES[face][weight])
}

export function illustrationPath(name: string): string {
  return join(resourcesDir(), 'illustrations', `${name}.svg`)
}
