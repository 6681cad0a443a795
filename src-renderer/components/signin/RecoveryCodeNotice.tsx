// The clinic's recovery code, shown once after it is made: written down or printed, then kept away
// from the computer. It lets an administrator set a new PIN when theirs is forgotten.
import { useState } from 'react'
import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core'

export function RecoveryCodeNotice({ code, onContinue }: { code: string; onContinue(): void }) {
  const [kept, setKept] = useState(false)
  return (
    <Stack gap="md" className="recovery-code">
      <Title order={1}>The clinic’s recovery code</Title>
      <Text>
        If an administrator forgets their PIN, this code lets them choose a new one (“Forgot your PIN?” on the sign-in screen). It is shown only now. Print it or write it down and keep it locked away from
        this computer.
      </Text>
      <Paper withBorder p="md" bg="var(--mantine-color-blue-light)">
        <Text fw={700} size="xl" ff="monospace" aria-label="Recovery code" style={{ letterSpacing: 1 }}>
          {code}
        </Text>
      </Paper>
      <Group className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          Print the recovery code
        </Button>
      </Group>
      <Checkbox className="no-print" label="I have printed or written down the recovery code" checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
      <Group className="no-print">
        <Button onClick={onContinue} disabled={!kept}>
          Continue to Footcore
        </Button>
      </Group>
    </Stack>
  )
}
