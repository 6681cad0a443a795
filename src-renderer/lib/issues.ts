// API field issues → form errors: paths like ["left","footLengthMm"] become "left.footLengthMm".
import { ApiError, type FieldIssue } from '@shared/domain/errors'
import { t } from '../i18n'

export const issueKey = (path: FieldIssue['path']): string => path.map(String).join('.')

/**
 * First message per field, keyed by dotted path. `known` lists the form's field keys; an issue whose
 * path is not a field (or is empty) is returned in `other` so it can be shown above the form.
 */
export function issuesToFieldErrors(issues: FieldIssue[], known?: readonly string[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {}
  const other: string[] = []
  for (const issue of issues) {
    let key = issueKey(issue.path)
    // An issue on a whole nested object ("left") lands on its first known field.
    if (known && !known.includes(key)) {
      const child = known.find((k) => key !== '' && k.startsWith(`${key}.`))
      if (child) key = child
      else {
        other.push(issue.message)
        continue
      }
    }
    if (key === '') other.push(issue.message)
    else if (!(key in fields)) fields[key] = issue.message
  }
  return { fields, other }
}

/** One plain sentence for an error that is not about a field. Never a stack trace. */
export function plainMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return t('notify.unexpected')
}
