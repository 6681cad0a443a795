// Placeholder until the exercise library lands (owned by UI-B).
import { Title } from '@mantine/core'

export function ExerciseLibraryPage() {
  return <Title order={1}>Exercise library</Title>
}
