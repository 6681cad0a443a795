// Type-ahead for closed lists, as native selects have it: a letter picks the first option it starts.
import type { KeyboardEvent } from 'react'

export interface Option {
  value: string
  label: string
}

/** The option a letter typed on a closed list picks, or null (other keys, modifiers, no match). */
export function typeAheadPick(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, options: Option[]): Option | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1 || !/\p{L}|\d/u.test(e.key)) return null
  const k = e.key.toLocaleLowerCase()
  return options.find((o) => o.label.toLocaleLowerCase().startsWith(k)) ?? null
}
