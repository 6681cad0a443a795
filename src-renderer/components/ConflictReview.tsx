// After "someone else changed this record while you were editing": their value and yours for each
// field that differs, a choice per field (nothing merged silently), and "Save with these choices"
// on their version. A field only they changed starts on theirs, one only you changed on yours.
import { useState } from 'react'
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { ApiError } from '@shared/domain/errors'
import { useT } from '../i18n'

export type Keep = 'theirs' | 'mine'

export interface ConflictRow {
  key: string
  label: string
  theirs: string
  mine: string
  keep: Keep
}

/** A field's value as the review shows it: the text, or a dash for an empty field. */
export const plainValue = (v: unknown): string => (typeof v === 'string' && v.trim() !== '' ? v : '—')

/** A refusal because the record changed since the page loaded it (the core names `version`). */
export const isStaleVersion = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'conflict' && e.issues.some((i) => i.path[0] === 'version')

/** Rows for the fields where what you typed and what they saved differ; `shown` writes a value for people. */
export function conflictRows<V extends object>(fields: ReviewedField<V>[], base: V, mine: V, theirs: V, shown: (key: keyof V, v: unknown) => string): ConflictRow[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  return fields
    .filter((f) => !same(mine[f.key], theirs[f.key]))
    .map((f) => ({ key: f.key, label: f.label, theirs: shown(f.key, theirs[f.key]), mine: shown(f.key, mine[f.key]), keep: same(mine[f.key], base[f.key]) ? 'theirs' : 'mine' }))
}

/** Your values with the choices applied: theirs where a row keeps theirs. */
export function applyChoices<V extends object>(rows: ConflictRow[], mine: V, theirs: V): V {
  const out: Record<string, unknown> = { ...(mine as Record<string, unknown>) }
  for (const r of rows) if (r.keep === 'theirs') out[r.key] = (theirs as Record<string, unknown>)[r.key]
  return out as V
}

export type ReviewedField<V> = { key: keyof V & string; label: string }

/**
 * A form's review state: `show` after a stale-version refusal, `view` for the component, and
 * `resolve(yours)`: your values with the choices applied (the review closes). A form whose fields
 * depend on the record (a program's exercises) passes them to `show` instead.
 */
export function useConflictReview<V extends object>(fields: ReviewedField<V>[], shown: (key: keyof V, v: unknown) => string) {
  const [review, setReview] = useState<{ message: string; theirs: V; rows: ConflictRow[] } | null>(null)
  return {
    show(message: string, base: V, mine: V, theirs: V, these: ReviewedField<V>[] = fields) {
      setReview({ message, theirs, rows: conflictRows(these, base, mine, theirs, shown) })
    },
    resolve(mine: V): V {
      const merged = review ? applyChoices(review.rows, mine, review.theirs) : mine
      setReview(null)
      return merged
    },
    view: review && {
      message: review.message,
      rows: review.rows,
      onKeep: (key: string, keep: Keep) => setReview({ ...review, rows: review.rows.map((r) => (r.key === key ? { ...r, keep } : r)) }),
    },
  }
}

interface Props {
  message: string
  rows: ConflictRow[]
  onKeep(key: string, keep: Keep): void
  onSave(): void
  onCancel(): void
  saving: boolean
}

export function ConflictReview({ message, rows, onKeep, onSave, onCancel, saving }: Props) {
  const t = useT()
  return (
    // The title in the text colour: orange on its light background is too faint to read (axe).
    <Alert color="orange" role="alert" title={t('conflict.title')} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {rows.length === 0 ? (
          <Text size="sm">{t('conflict.noOverlap')}</Text>
        ) : (
          <Table aria-label={t('conflict.tableLabel')} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conflict.field')}</Table.Th>
                <Table.Th>{t('conflict.theirsSaved')}</Table.Th>
                <Table.Th>{t('conflict.yoursInForm')}</Table.Th>
                <Table.Th>{t('conflict.keep')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.theirs}</Table.Td>
                  <Table.Td>{r.mine}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={t('conflict.keepFor', { label: r.label })}
                      value={r.keep}
                      onChange={(v) => onKeep(r.key, v as Keep)}
                      data={[
                        { value: 'theirs', label: t('conflict.theirs') },
                        { value: 'mine', label: t('conflict.yours') },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button onClick={onSave} loading={saving}>
            {t('conflict.save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('conflict.keepEditing')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
