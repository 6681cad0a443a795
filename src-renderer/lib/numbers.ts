// Numbers as therapists type them: "23,5" and "23.5" are the same; empty means not measured.

/** Parses a typed decimal. Returns null for empty input, NaN for something that is not a number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '')
  if (t === '') return null
  if (!/^[-+]?\d+([.,]\d+)?$/.test(t)) return Number.NaN
  return Number(t.replace(',', '.'))
}
