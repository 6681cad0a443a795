// Half-typed forms across a lock: the page is emptied when the screen locks (no patient data stays
// in the DOM), so each open form hands its values here first and takes them back when it is shown
// again after the unlock. Memory only: a reload, a sign-out or "Switch user" forgets them.
import { useEffect } from 'react'

type Getter = () => unknown
const openForms = new Map<string, Getter>()
const kept = new Map<string, unknown>()

/** A form says what it holds now (undefined: nothing typed yet); returns the function that forgets it (on unmount). */
export function registerOpenForm(key: string, values: Getter): () => void {
  openForms.set(key, values)
  return () => {
    if (openForms.get(key) === values) openForms.delete(key)
  }
}

/** Before the lock empties the page: every open form's values. */
export function keepDraftsForUnlock(): void {
  for (const [key, values] of openForms) {
    const v = values()
    if (v !== undefined) kept.set(key, v)
  }
}

/** The values a form had when the screen locked (once), or undefined. */
export function takeKeptDraft<T>(key: string): T | undefined {
  const v = kept.get(key) as T | undefined
  kept.delete(key)
  return v
}

/** "Switch user" and sign-out discard what the previous user typed. */
export function forgetKeptDrafts(): void {
  kept.clear()
}

/** True when a lock would keep something typed (the lock screen warns before "Switch user"). */
export const hasKeptDrafts = (): boolean => kept.size > 0

/** A Mantine form (or anything with these three) kept across a lock under `key`. */
interface KeepableForm<V> {
  isDirty(): boolean
  getValues(): V
  setValues(values: V): void
}

/** Gives a form back what it held when the screen locked, and keeps what it holds for the next lock. */
export function useKeptDraft<V>(key: string, form: KeepableForm<V>): void {
  useEffect(() => {
    const kept = takeKeptDraft<V>(key)
    if (kept) form.setValues(kept)
    return registerOpenForm(key, () => (form.isDirty() ? form.getValues() : undefined))
    // The form object is the same for the form's life; the key names the record.
  }, [key])
}
