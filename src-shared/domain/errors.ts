// Errors as data: a stable code the renderer switches on, never a parsed message.
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unauthorized', 'locked', 'unavailable', 'internal', 'stale_page', 'unprintable'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Path of the field in the method's input, e.g. ["left", "footLengthMm"]. */
  path: (string | number)[]
  message: string
}

export interface ApiErrorData {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

/**
 * `databaseId`: the identity of the database that answered (absent where there is none, e.g. on
 * the recovery screen); the page sends it back with every call. `stale_page` answers a page that
 * loaded its records from another database (before a restore): it reloads.
 */
export type ApiResult<T> = ({ ok: true; value: T } | { ok: false; error: ApiErrorData }) & { databaseId?: string }

/** Thrown by services and clients; crosses boundaries as `ApiErrorData`. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues: FieldIssue[]
  constructor(data: ApiErrorData) {
    super(data.message)
    this.name = 'ApiError'
    this.code = data.code
    this.issues = data.issues ?? []
  }
  toData(): ApiErrorData {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message }
  }
}

export const invalidInput = (issues: FieldIssue[]) =>
  new ApiError({ code: 'invalid_input', message: issues.map((i) => i.message).join('; '), issues })
export const notFound = (what: string, field: (string | number)[] = ['id']) =>
  new ApiError({ code: 'not_found', message: `${what} was not found`, issues: [{ path: field, message: `${what} was not found` }] })
export const conflict = (message: string) => new ApiError({ code: 'conflict', message })

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * A document that would print a missing-glyph box instead of a letter is not made: the answer
 * names the text (`what`: "The patient's name") and the characters no font has.
 */
export const unprintable = (what: string, text: string, chars: string[], field: (string | number)[] = []) => {
  const shown = Array.from(text).slice(0, 80).join('')
  const message = `${what} “${shown}” cannot be printed: no font in Footcore has ${chars.map((c) => `“${c}” (${codePoint(c)})`).join(', ')}. The document was not made; change the text or ask for a font that has these characters.`
  return new ApiError({ code: 'unprintable', message, issues: [{ path: field, message }] })
}
