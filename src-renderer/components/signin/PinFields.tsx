// A new PIN typed twice, with what a PIN must be said before anyone types it.
import { PasswordInput, Stack } from '@mantine/core'
import { t as translate, useT } from '../../i18n'

/** Typing errors before any call: the two must match. */
export function pinPairError(pin: string, repeat: string): string | null {
  return pin !== repeat ? translate('pinFields.mismatch') : null
}

export function NewPinFields(props: { pin: string; repeat: string; onPin(v: string): void; onRepeat(v: string): void; pinError?: string | null; repeatError?: string | null; label?: string }) {
  const t = useT()
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? t('pinFields.choose')}
        description={t('pinFields.rule')}
        value={props.pin}
        onChange={(e) => props.onPin(e.currentTarget.value)}
        error={props.pinError}
        autoComplete="new-password"
        inputMode="text"
      />
      <PasswordInput label={t('pinFields.again')} value={props.repeat} onChange={(e) => props.onRepeat(e.currentTarget.value)} error={props.repeatError} autoComplete="new-password" />
    </Stack>
  )
}
