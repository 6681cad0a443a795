// The app's Mantine theme: shades and text colours chosen to pass WCAG AA contrast in light and dark.
import { createTheme, type CSSVariablesResolver } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'blue',
  // Mantine's default shade 6 leaves white button text below 4.5:1; 8 passes in both schemes.
  primaryShade: { light: 8, dark: 8 },
})

const COLORS = ['blue', 'teal', 'green', 'red', 'orange', 'yellow', 'grape', 'cyan', 'indigo', 'violet', 'pink', 'lime']
// Text on "light" variants (active nav link, light buttons) sits on a tinted, sometimes hovered background.
const textColors = (shade: number) =>
  Object.fromEntries(
    COLORS.flatMap((c) => [
      [`--mantine-color-${c}-text`, `var(--mantine-color-${c}-${shade})`],
      [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-${shade})`],
    ]),
  )

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...textColors(9),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
    ...textColors(3),
  },
})
