// The banner while the clinic database cannot be reached: what happened and what is safe. It goes
// by itself once a poll gets through again (lib/liveChanges.ts).
import { Alert } from '@mantine/core'
import { useT } from '../i18n'
import { useDatabaseReachable } from '../lib/liveChanges'

export function ConnectionBanner() {
  const t = useT()
  const { reachable } = useDatabaseReachable()
  if (reachable) return null
  return (
    <Alert color="orange" role="alert" title={t('connection.title')} mb="md" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      {t('connection.body')}
    </Alert>
  )
}
