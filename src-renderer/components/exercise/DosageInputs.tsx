// The dosage inputs (sets, repetitions, hold, minutes, per day/week, stage, notes), shared by the
// program editor and the exercise form.
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { typeAheadPick } from '../../lib/typeAhead'
import { useT } from '../../i18n'
import { dosageLabel, type DosageDraft, type DosageNumberField, type FieldErrors } from './dosageDraft'

interface Props {
  value: DosageDraft
  onChange: (patch: Partial<DosageDraft>) => void
  /** Stage names of the exercise; the select shows them in order. */
  stages: string[]
  errors: FieldErrors
  /** Error key prefix matching the API's issue path, e.g. "items.1" or "dosage". */
  errorPrefix: string
  stageLabel?: string
}

export function DosageInputs({ value, onChange, stages, errors, errorPrefix, stageLabel }: Props) {
  const t = useT()
  const err = (field: string) => errors[`${errorPrefix}.${field}`]
  const numberInput = (field: DosageNumberField) => (
    <TextInput
      label={dosageLabel(field)}
      inputMode="numeric"
      autoComplete="off"
      value={value[field]}
      onChange={(e) => onChange({ [field]: e.currentTarget.value })}
      error={err(field)}
    />
  )
  const stageOptions = stages.length > 0 ? stages.map((s, i) => ({ value: String(i), label: s })) : [{ value: '0', label: t('program.stageNumber', { stage: 1 }) }]
  return (
    <>
      <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="sm" verticalSpacing="xs">
        {numberInput('sets')}
        {numberInput('reps')}
        {numberInput('holdSeconds')}
        {numberInput('minutes')}
        {numberInput('timesPerDay')}
        {numberInput('daysPerWeek')}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={dosageLabel('repsText')}
          description={t('dosage.repsTextHelp')}
          value={value.repsText}
          onChange={(e) => onChange({ repsText: e.currentTarget.value })}
          error={err('repsText')}
        />
        <Select
          label={stageLabel ?? dosageLabel('stage')}
          description={t('dosage.stageHelp')}
          data={stageOptions}
          value={value.stage}
          allowDeselect={false}
          onChange={(v) => v !== null && onChange({ stage: v })}
          onKeyDown={(e) => {
            const pick = typeAheadPick(e, stageOptions)
            if (pick) {
              e.preventDefault()
              onChange({ stage: pick.value })
            }
          }}
          error={err('stage')}
        />
      </SimpleGrid>
      <Textarea
        label={dosageLabel('notes')}
        autosize
        minRows={1}
        maxRows={6}
        value={value.notes}
        onChange={(e) => onChange({ notes: e.currentTarget.value })}
        error={err('notes')}
      />
    </>
  )
}
