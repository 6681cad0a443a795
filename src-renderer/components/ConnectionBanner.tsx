// The banner while the clinic database cannot be reached: what happened and what is safe. It goes
// by itself once a poll gets through again (lib/liveChanges.ts).
import { Alert } from '@mantine/core'
import { useDatabaseReachable } from '../lib/liveChanges'

export function ConnectionBanner() {
  const { reachable } = useDatabaseReachable()
  if (reachable) return null
  return (
    <Alert color="orange" role="alert" title="The clinic database cannot be reached" mb="md" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      Nothing you typed is lost: keep this page open. When this message goes away, the connection is back; then press Save again on any form you were saving.
    </Alert>
  )
}
