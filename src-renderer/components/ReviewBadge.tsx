// The badge a therapist scans for: review due soon or overdue.
import { Badge } from '@mantine/core'
import type { ReviewStatus } from '@shared/domain/patient'

export function ReviewBadge({ status }: { status: ReviewStatus }) {
  if (status === 'overdue') return <Badge color="red.9" variant="filled">Review overdue</Badge>
  if (status === 'due') return <Badge color="yellow.4" variant="filled" autoContrast>Review due</Badge>
  return null
}
