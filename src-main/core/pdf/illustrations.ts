// Exercise illustrations: hand-drawn SVG line art in resources/illustrations, read as vector paths.
import { existsSync, readFileSync } from 'node:fs'
import { illustrationPath } from './resources'

export interface DrawingPath {
  d: string
  stroke: string | null
  fill: string | null
  strokeWidth: number
  dash: number[] | null
}

export interface Drawing {
  width: number
  height: number
  paths: DrawingPath[]
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return m ? m[1]! : null
}

/** Reads the subset of SVG these drawings use: a viewBox and <path> elements with stroke/fill attributes. */
export function parseDrawing(svg: string): Drawing {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const viewBox = (attr(root, 'viewBox') ?? '0 0 100 100').split(/[\s,]+/).map(Number)
  const paths = [...svg.matchAll(/<path\b[^>]*\/?>/g)].map(([tag]): DrawingPath => {
    const fill = attr(tag, 'fill')
    const stroke = attr(tag, 'stroke')
    const dash = attr(tag, 'stroke-dasharray')
    return {
      d: attr(tag, 'd') ?? '',
      fill: fill === null || fill === 'none' ? null : fill,
      stroke: stroke === 'none' ? null : (stroke ?? '#222222'),
      strokeWidth: Number(attr(tag, 'stroke-width') ?? 2),
      dash: dash ? dash.split(/[\s,]+/).map(Number) : null,
    }
  })
  return { width: viewBox[2] ?? 100, height: viewBox[3] ?? 100, paths: paths.filter((p) => p.d !== '') }
}

const cache = new Map<string, Drawing | null>()

/** The drawing for an exercise's illustration name; null when the clinic's own exercise has none. */
export function loadDrawing(name: string): Drawing | null {
  if (!/^[a-z0-9-]+$/.test(name)) return null
  if (!cache.has(name)) {
    const file = illustrationPath(name)
    cache.set(name, existsSync(file) ? parseDrawing(readFileSync(file, 'utf8')) : null)
  }
  return cache.get(name) ?? null
}
