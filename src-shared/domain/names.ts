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
