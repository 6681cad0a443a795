// The clinic's recovery code, shown once after it is made: written down or printed, then kept away
// from the computer. It lets an administrator set a new PIN when theirs is forgotten.
import { useState } from 'react'
import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useT } from '../../i18n'

export function RecoveryCodeNotice({ code, onContinue }: { code: string; onContinue(): void }) {
  const [kept, setKept] = useState(false)
  const t = useT()
  return (
    <Stack gap="md" className="recovery-code">
      <Title order={1}>{t('recoveryCode.title')}</Title>
      <Text>{t('recoveryCode.body')}</Text>
      <Paper withBorder p="md" bg="var(--mantine-color-blue-light)">
        <Text fw={700} size="xl" ff="monospace" aria-label={t('recoveryCode.label')} style={{ letterSpacing: 1 }}>
          {code}
        </Text>
      </Paper>
      <Group className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('recoveryCode.print')}
        </Button>
      </Group>
      <Checkbox className="no-print" label={t('recoveryCode.kept')} checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
      <Group className="no-print">
        <Button onClick={onContinue} disabled={!kept}>
          {t('recoveryCode.continue')}
        </Button>
      </Group>
    </Stack>
  )
}
