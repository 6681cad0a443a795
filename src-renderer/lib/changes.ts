// What changed between two saved versions of a record, in the clinic's words, for the audit views.
import { MEASURES, SYMPTOM_LABELS, VISIT_KIND_LABELS, type MeasureKey, type SymptomRegion, type VisitKind } from '@shared/domain/visit'
import { COMPLAINT_LABELS, type Complaint } from '@shared/domain/patient'
import { formatDateTime } from './format'

export interface FieldChange {
  label: string
  before: string
  after: string
}

const SIDE_LABEL: Record<string, string> = { left: 'Left', right: 'Right' }
const FIELD_LABEL: Record<string, string> = {
  visitDate: 'Visit date',
  kind: 'Kind',
  therapistName: 'Therapist',
  headacheDays: 'Headache days',
  notes: 'Notes',
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Phone',
  email: 'Email',
  complaints: 'Presenting complaints',
  archivedAt: 'Archived',
  reviewDate: 'Review date',
  startDate: 'Start date',
  name: 'Name',
  archHeightMethod: 'Arch height method',
}
// Bookkeeping fields, not what the therapist changed.
const IGNORED = new Set(['id', 'patientId', 'createdAt', 'updatedAt', 'corrected', 'therapistId', 'programId', 'items', 'version'])

function labelFor(path: string[]): string {
  const [a, b] = path
  if ((a === 'left' || a === 'right') && b !== undefined) {
    const m = MEASURES[b as MeasureKey]
    return `${SIDE_LABEL[a]} ${m ? m.label.toLowerCase() : b}`
  }
  if (a === 'symptoms' && b !== undefined) return `${SYMPTOM_LABELS[b as SymptomRegion] ?? b} pain`
  return FIELD_LABEL[path.join('.')] ?? path.join(' ')
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function show(path: string[], v: unknown): string {
  if (v === null || v === undefined || v === '') return '—'
  const last = path[path.length - 1] ?? ''
  if (last === 'kind' && typeof v === 'string') return VISIT_KIND_LABELS[v as VisitKind] ?? v
  if (last === 'complaints' && Array.isArray(v)) return v.map((c) => COMPLAINT_LABELS[c as Complaint] ?? String(c)).join(', ') || '—'
  if (typeof v === 'number') return last.endsWith('Mm') ? `${v.toFixed(1)} mm` : String(v)
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  // A stored instant (archivedAt) is UTC; people read the clinic's own date and time.
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return formatDateTime(v)
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

function flatten(value: unknown, prefix: string[], out: Map<string, { path: string[]; v: unknown }>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (prefix.length === 0 && IGNORED.has(k)) continue
      flatten(v, [...prefix, k], out)
    }
    return
  }
  out.set(prefix.join('.'), { path: prefix, v: value })
}

/** Fields whose value differs between `before` and `after` (a foot that was not measured reads as empty). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, { path: string[]; v: unknown }>()
  const b = new Map<string, { path: string[]; v: unknown }>()
  flatten(before, [], a)
  flatten(after, [], b)
  const keys = [...new Set([...a.keys(), ...b.keys()])]
  const changes: FieldChange[] = []
  for (const key of keys) {
    const x = a.get(key)
    const y = b.get(key)
    const path = (x ?? y)!.path
    if (path[path.length - 1] === 'archHeightMethod' && (x === undefined || y === undefined)) continue
    const before = show(path, x?.v)
    const after = show(path, y?.v)
    if (before !== after) changes.push({ label: labelFor(path), before, after })
  }
  return changes
}
