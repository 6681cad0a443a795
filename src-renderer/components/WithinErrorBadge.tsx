// Marks a change smaller than the clinic's smallest meaningful change.
import { Badge } from '@mantine/core'
import { useT } from '../i18n'

export function WithinErrorBadge() {
  const t = useT()
  return (
    <Badge size="xs" variant="default" h="auto"
      py={2}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textTransform: 'none', lineHeight: 1.2 } }} title={t('withinError.title')}>
      {t('withinError.label')}
    </Badge>
  )
}
