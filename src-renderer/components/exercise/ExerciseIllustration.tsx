/// <reference types="vite/client" />
// An exercise's drawing, bundled at build time from resources/illustrations (no run-time fetch);
// a neutral footprint placeholder when the exercise has no drawing.
import { Box } from '@mantine/core'
import { useT } from '../../i18n'

// Vite resolves the glob when the renderer is built: drawings added later appear after a rebuild.
const DRAWINGS = import.meta.glob<string>('../../../resources/illustrations/*.svg', { eager: true, query: '?url', import: 'default' })

const bySlug = new Map(
  Object.entries(DRAWINGS).map(([path, url]) => [path.replace(/^.*\//, '').replace(/\.svg$/, ''), url] as const),
)

export function illustrationUrl(name: string | null): string | null {
  return name === null ? null : (bySlug.get(name) ?? null)
}

export function ExerciseIllustration({ name, exerciseName, size = 120 }: { name: string | null; exerciseName: string; size?: number }) {
  const t = useT()
  const url = illustrationUrl(name)
  return (
    <Box
      w={size}
      h={size}
      style={{
        flex: 'none',
        borderRadius: 'var(--mantine-radius-md)',
        border: '1px solid var(--mantine-color-default-border)',
        // Drawings are dark lines on transparent: keep a light card under them in dark mode too.
        background: url ? 'white' : 'var(--mantine-color-default-hover)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        overflow: 'hidden',
      }}
    >
      {url ? (
        <img src={url} alt={t('exercise.drawing', { name: exerciseName })} style={{ maxWidth: '100%', maxHeight: '100%' }} />
      ) : (
        <svg width={size * 0.45} height={size * 0.45} viewBox="0 0 24 24" role="img" aria-label={t('exercise.noDrawing')} fill="none"
          stroke="var(--mantine-color-dimmed)" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M8 21c-2.5 0-3.5-2-3.2-4.5.3-2.6 1.7-4 1.7-6.8C6.5 6.5 7.8 4 10 4c2.3 0 3 2.2 2.6 4.6-.4 2.6-1.8 4-1.6 6.6.2 2.8-.5 5.8-3 5.8z" />
          <circle cx="15" cy="4.5" r="1.2" />
          <circle cx="17.6" cy="6.6" r="1" />
          <circle cx="19.2" cy="9.3" r=".9" />
          <circle cx="19.8" cy="12.2" r=".8" />
        </svg>
      )}
    </Box>
  )
}
