// Marks a change smaller than the clinic's smallest meaningful change.
import { Badge } from '@mantine/core'

export function WithinErrorBadge() {
  return (
    <Badge size="xs" variant="outline" color="gray.8" style={{ textTransform: 'none' }} title="Smaller than the clinic's smallest meaningful change">
      within measurement error
    </Badge>
  )
}
