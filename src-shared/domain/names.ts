// Person names: what a valid name is, and the accent-free key used for prefix search.
import { z } from 'zod'

// Letters and marks of any script, spaces, apostrophes, hyphens and dots ("Zoë Łukasiewicz-O'Brien").
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.\-]*$/u

export function personName(label: string) {
  return z
    .string({ error: `${label} is required` })
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, { error: `${label} is required`, abort: true })
    .refine((s) => s.length <= 100, { error: `${label} can be at most 100 characters`, abort: true })
    .refine((s) => NAME.test(s), { error: `${label} can contain only letters, spaces, apostrophes, hyphens and dots`, abort: true })
}

// Letters that Unicode does not decompose but people type without their stroke.
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' }

/** Lower-case, accent-free form of a name, so "lukas" finds "Łukasiewicz". Stored beside the name. */
export function nameSearchKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[’']/g, "'")
    .trim()
}

/** What people leave out when they type a name: apostrophes, hyphens, dots and the spaces between words. */
const JOINERS = /[\s'’.\-‐‑]+/u

/**
 * The keys a patient is found by (stored in patient_name_words, prefix-matched on an index): for
 * each word of each name, the name from that word to its end with the joiners left out. So
 * "van der Berg" gives "vanderberg", "derberg" and "berg", "O'Neill" gives "oneill" and "neill",
 * and a prefix of any key finds the patient ("Briain" finds "Ó Briain", "oneill" finds O'Neill).
 */
export function nameWordKeys(...names: string[]): string[] {
  const keys = new Set<string>()
  for (const name of names) {
    const words = nameSearchKey(name).split(JOINERS).filter(Boolean)
    for (let i = 0; i < words.length; i++) keys.add(words.slice(i).join(''))
  }
  return [...keys]
}

/** At most this many words of a search are matched (each against any word of the name). */
export const MAX_NAME_QUERY_WORDS = 4

/**
 * Words of what was typed in the search box, each a prefix to find among a patient's keys: split
 * at spaces, with apostrophes, hyphens and dots left out ("o'neill" and "oneill" are the same).
 */
export function nameQueryWords(query: string): string[] {
  return nameSearchKey(query)
    .split(/\s+/u)
    .map((w) => w.split(JOINERS).join(''))
    .filter(Boolean)
    .slice(0, MAX_NAME_QUERY_WORDS)
}
