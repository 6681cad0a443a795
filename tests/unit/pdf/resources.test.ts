// Where the PDF code finds its fonts and drawings: source tree, built bundle, or FOOTCORE_RESOURCES.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fontPath, resourcesDir } from '../../../src-main/core/pdf/resources'

describe('resources folder', () => {
  it('is found by walking up from a built bundle to the folder holding package.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'footcore-res-'))
    try {
      writeFileSync(join(root, 'package.json'), '{}')
      mkdirSync(join(root, 'resources', 'fonts'), { recursive: true })
      mkdirSync(join(root, 'out-pdf', 'main'), { recursive: true })
      expect(resourcesDir({}, join(root, 'out-pdf', 'main'))).toBe(join(root, 'resources'))
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('honours FOOTCORE_RESOURCES, and from the source tree reaches the shipped DejaVu Sans', () => {
    expect(resourcesDir({ FOOTCORE_RESOURCES: '/opt/footcore/resources' })).toBe('/opt/footcore/resources')
    expect(fontPath('regular')).toBe(resolve(__dirname, '../../../resources/fonts/DejaVuSans.ttf'))
  })
})
