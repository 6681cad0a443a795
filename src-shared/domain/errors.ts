// Errors as data: a stable code the renderer switches on, never a parsed message.
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unauthorized', 'locked', 'unavailable', 'internal', 'stale_page'] as const
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
