// Marks a change smaller than the clinic's smallest meaningful change.
import { Badge } from '@mantine/core'

export function WithinErrorBadge() {
  return (
    <Badge size="xs" variant="default" h="auto"
      py={2}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textTransform: 'none', lineHeight: 1.2 } }} title="Smaller than the clinic's smallest meaningful change">
      within measurement error
    </Badge>
  )
}
