// Edits a list of one-line texts (steps, mistakes, stages): add, remove, move up and down.
import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core'
import { useT } from '../../i18n'
import { moveItem } from '../program/programDraft'
import { newLine, type LineDraft } from './exerciseDraft'

interface Props {
  legend: string
  /** "step" → inputs labelled "Step 1", "Step 2"…; the add button says "Add step". */
  item: 'step' | 'mistake' | 'stage'
  items: LineDraft[]
  onChange: (items: LineDraft[]) => void
  /** Errors for the whole list (key = path) and for each line (path.index). */
  errors: Record<string, string>
  path: string
  emptyText: string
}

export function ListEditor({ legend, item, items, onChange, errors, path, emptyText }: Props) {
  const t = useT()
  const set = (key: string, text: string) => onChange(items.map((l) => (l.key === key ? { ...l, text } : l)))
  return (
    <Fieldset legend={legend} style={{ minWidth: 0 }}>
      <Stack gap="xs">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        )}
        {items.map((line, index) => {
          const label = t(`listEditor.${item}.label`, { index: index + 1 })
          return (
            <Group key={line.key} align="flex-end" gap={6} wrap="nowrap">
              <TextInput
                label={label}
                value={line.text}
                onChange={(e) => set(line.key, e.currentTarget.value)}
                error={errors[`${path}.${index}`]}
                style={{ flex: 1, minWidth: 0 }}
              />
              <Button size="sm" px="xs" variant="default" aria-label={t(`listEditor.${item}.up`, { index: index + 1 })} disabled={index === 0}
                onClick={() => onChange(moveItem(items, index, -1))}>
                ↑
              </Button>
              <Button size="sm" px="xs" variant="default" aria-label={t(`listEditor.${item}.down`, { index: index + 1 })} disabled={index === items.length - 1}
                onClick={() => onChange(moveItem(items, index, 1))}>
                ↓
              </Button>
              <Button size="sm" px="xs" variant="light" color="red" aria-label={t(`listEditor.${item}.remove`, { index: index + 1 })}
                onClick={() => onChange(items.filter((l) => l.key !== line.key))}>
                ✕
              </Button>
            </Group>
          )
        })}
        {errors[path] && (
          <Text c="red" size="sm" role="alert">
            {errors[path]}
          </Text>
        )}
        <Group>
          <Button size="xs" variant="default" onClick={() => onChange([...items, newLine()])}>
            {t(`listEditor.${item}.add`)}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  )
}
