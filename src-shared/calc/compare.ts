// Baseline-versus-later comparison per foot: the numbers the measurements tab and the report print.
import type { Settings } from '../domain/settings'
import type { FootMeasurement, Side, Visit } from '../domain/visit'
import { archHeightIndex, change, navicularDrop, ratioChange, type Change, type RatioChange } from './measures'

export type CompareRowKey = 'footLength' | 'archHeight' | 'archHeightIndex' | 'navicularDrop'

export interface CompareRow {
  key: CompareRowKey
  label: string
  unit: 'mm' | ''
  baseline: number | null
  latest: number | null
  /** mm rows: change with the smallest-meaningful-change verdict; AHI: the same for the index. */
  change: Change | null
  ratio: RatioChange | null
  /** Why there is no change when both values exist but cannot be compared. */
  note: string | null
}

export interface FootDerived {
  archHeightIndex: number | null
  navicularDrop: number | null
}

export function deriveFoot(f: FootMeasurement | null): FootDerived {
  if (f === null) return { archHeightIndex: null, navicularDrop: null }
  return {
    archHeightIndex: archHeightIndex(f.archHeightMm, f.truncatedFootLengthMm, f.archHeightMethod),
    navicularDrop: navicularDrop(f.navicularSittingMm, f.navicularStandingMm),
  }
}

type Thresholds = Pick<Settings, 'smcArchHeightMm' | 'smcFootLengthMm' | 'smcNavicularDropMm' | 'smcArchHeightIndex'>

/** Rows for one foot; rows where neither visit has a value are left out. */
export function compareFoot(baseline: FootMeasurement | null, latest: FootMeasurement | null, t: Thresholds): CompareRow[] {
  const b = deriveFoot(baseline)
  const l = deriveFoot(latest)
  const sameMethod = baseline !== null && latest !== null && baseline.archHeightMethod === latest.archHeightMethod
  const rows: CompareRow[] = [
    mmRow('footLength', 'Foot length', baseline?.footLengthMm ?? null, latest?.footLengthMm ?? null, t.smcFootLengthMm, true),
    mmRow('archHeight', 'Arch height', baseline?.archHeightMm ?? null, latest?.archHeightMm ?? null, t.smcArchHeightMm, sameMethod),
    {
      key: 'archHeightIndex',
      label: 'Arch height index',
      unit: '',
      baseline: b.archHeightIndex,
      latest: l.archHeightIndex,
      change: null,
      ratio: ratioChange(b.archHeightIndex, l.archHeightIndex, t.smcArchHeightIndex),
      note: null,
    },
    mmRow('navicularDrop', 'Navicular drop', b.navicularDrop, l.navicularDrop, t.smcNavicularDropMm, true),
  ]
  return rows.filter((r) => r.baseline !== null || r.latest !== null)
}

function mmRow(key: CompareRowKey, label: string, before: number | null, after: number | null, smc: number, comparable: boolean): CompareRow {
  const both = before !== null && after !== null
  return {
    key,
    label,
    unit: 'mm',
    baseline: before,
    latest: after,
    change: comparable ? change(before, after, smc) : null,
    ratio: null,
    // Values taken with different methods are never subtracted (CLINICAL.md).
    note: both && !comparable ? 'Measured with different methods: not compared' : null,
  }
}

/** The visit a comparison starts from: the latest baseline on or before `visit`, else the first visit. */
export function baselineFor(visits: Visit[], upTo?: Visit): Visit | null {
  const sorted = [...visits].sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.id - b.id)
  const limit = upTo ?? sorted[sorted.length - 1]
  if (!limit) return null
  const before = sorted.filter((v) => v.visitDate < limit.visitDate || (v.visitDate === limit.visitDate && v.id <= limit.id))
  const baselines = before.filter((v) => v.kind === 'baseline')
  return baselines[baselines.length - 1] ?? before[0] ?? null
}

export function footOf(v: Visit, side: Side): FootMeasurement | null {
  return side === 'left' ? v.left : v.right
}
