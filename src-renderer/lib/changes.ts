// What changed between two saved versions of a record, in the clinic's words, for the audit views.
import { MEASURES, SYMPTOM_REGIONS, VISIT_KINDS, type MeasureKey, type SymptomRegion, type VisitKind } from '@shared/domain/visit'
import { COMPLAINTS, type Complaint } from '@shared/domain/patient'
import type { ScreenKey } from '@shared/i18n/screens/catalogue'
import { screenLanguage, t } from '../i18n'
import { formatDateTime, mmText } from './format'
import { complaintLabel, measureLabel, symptomLabel, visitKindLabel } from './labels'

export interface FieldChange {
  label: string
  before: string
  after: string
}

const FIELD_LABEL: Record<string, ScreenKey> = {
  visitDate: 'changes.field.visitDate',
  kind: 'changes.field.kind',
  therapistName: 'changes.field.therapistName',
  headacheDays: 'changes.field.headacheDays',
  notes: 'changes.field.notes',
  firstName: 'changes.field.firstName',
  lastName: 'changes.field.lastName',
  dateOfBirth: 'changes.field.dateOfBirth',
  sex: 'changes.field.sex',
  phone: 'changes.field.phone',
  email: 'changes.field.email',
  complaints: 'changes.field.complaints',
  archivedAt: 'changes.field.archivedAt',
  reviewDate: 'changes.field.reviewDate',
  startDate: 'changes.field.startDate',
  name: 'changes.field.name',
  archHeightMethod: 'changes.field.archHeightMethod',
}

// Inside a sentence a measure starts lower-case, except in German (nouns keep their capital).
const inSentence = (s: string) => (screenLanguage() === 'de' ? s : s.toLowerCase())
// Bookkeeping fields, not what the therapist changed.
const IGNORED = new Set(['id', 'patientId', 'createdAt', 'updatedAt', 'corrected', 'therapistId', 'programId', 'items', 'version'])

function labelFor(path: string[]): string {
  const [a, b] = path
  if ((a === 'left' || a === 'right') && b !== undefined) {
    const measure = b in MEASURES ? inSentence(measureLabel(b as MeasureKey)) : b
    return a === 'left' ? t('changes.leftMeasure', { measure }) : t('changes.rightMeasure', { measure })
  }
  if (a === 'symptoms' && b !== undefined) {
    return t('changes.symptomPain', { region: (SYMPTOM_REGIONS as readonly string[]).includes(b) ? symptomLabel(b as SymptomRegion) : b })
  }
  const key = FIELD_LABEL[path.join('.')]
  return key ? t(key) : path.join(' ')
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function show(path: string[], v: unknown): string {
  if (v === null || v === undefined || v === '') return '—'
  const last = path[path.length - 1] ?? ''
  if (last === 'kind' && typeof v === 'string') return (VISIT_KINDS as readonly string[]).includes(v) ? visitKindLabel(v as VisitKind) : v
  if (last === 'complaints' && Array.isArray(v)) {
    return v.map((c) => ((COMPLAINTS as readonly string[]).includes(String(c)) ? complaintLabel(c as Complaint) : String(c))).join(', ') || '—'
  }
  if (typeof v === 'number') return last.endsWith('Mm') ? mmText(v) : String(v)
  if (typeof v === 'boolean') return v ? t('changes.yes') : t('changes.no')
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
