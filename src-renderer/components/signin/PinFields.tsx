// A new PIN typed twice, with what a PIN must be said before anyone types it.
import { PasswordInput, Stack } from '@mantine/core'

export const PIN_RULE = 'At least 6 digits, or a passphrase of at least 10 characters.'

/** Typing errors before any call: the two must match. */
export function pinPairError(pin: string, repeat: string): string | null {
  return pin !== repeat ? 'The two PINs are not the same' : null
}

export function NewPinFields(props: { pin: string; repeat: string; onPin(v: string): void; onRepeat(v: string): void; pinError?: string | null; repeatError?: string | null; label?: string }) {
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? 'Choose a PIN'}
        description={PIN_RULE}
        value={props.pin}
        onChange={(e) => props.onPin(e.currentTarget.value)}
        error={props.pinError}
        autoComplete="new-password"
        inputMode="text"
      />
      <PasswordInput label="Type it again" value={props.repeat} onChange={(e) => props.onRepeat(e.currentTarget.value)} error={props.repeatError} autoComplete="new-password" />
    </Stack>
  )
}
