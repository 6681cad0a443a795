// The badge a therapist scans for: review due soon or overdue.
import { Badge } from '@mantine/core'
import type { ReviewStatus } from '@shared/domain/patient'
import { useT } from '../i18n'

// A narrow column wraps the words instead of cutting them to "REVIEW …".
const WRAP = { root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const

export function ReviewBadge({ status }: { status: ReviewStatus }) {
  const t = useT()
  if (status === 'overdue') return <Badge color="red.9" variant="filled" styles={WRAP}>{t('reviewBadge.overdue')}</Badge>
  if (status === 'due') return <Badge color="yellow.4" variant="filled" autoContrast styles={WRAP}>{t('reviewBadge.due')}</Badge>
  return null
}
