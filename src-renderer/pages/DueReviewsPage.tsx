// Due reviews (being built).
import { Title } from '@mantine/core'
export function DueReviewsPage() {
  return <Title order={1}>Due reviews</Title>
}
