// The visit form's program part: days done from the patient's calendar since the last visit (one
// number, or per exercise in the detail) and, for a new visit, the stage confirmation per exercise.
import { Checkbox, Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import type { useForm } from '@mantine/form'
import { plannedNext, stageNow } from '@shared/calc/plan'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { formatDate } from '../lib/format'
import type { VisitFormValues } from '../lib/visitForm'
import { plannedDays } from '../lib/visitProgram'

interface Props {
  form: ReturnType<typeof useForm<VisitFormValues>>
  program: Program
  visits: Visit[]
  /** The visit being corrected (left out of "the last visit"), if any. */
  correcting?: Visit
  confirmStages: boolean
  fieldId(key: string): string
}

export function VisitProgramFields({ form, program, visits, correcting, confirmStages, fieldId }: Props) {
  const values = form.getValues()
  const visitDate = /^\d{4}-\d{2}-\d{2}$/.test(values.visitDate.trim()) ? values.visitDate.trim() : null
  const maxPerWeek = Math.max(...program.items.map((i) => i.daysPerWeek))
  const planned = (perWeek: number) => (visitDate === null ? null : plannedDays(program, visits, visitDate, perWeek, correcting?.id))
  const total = planned(maxPerWeek)
  const previous = visits.filter((v) => v.id !== correcting?.id && v.visitDate >= program.startDate && visitDate !== null && v.visitDate < visitDate).pop()
  const since = previous ? `since the last visit (${formatDate(previous.visitDate)})` : `since the program started (${formatDate(program.startDate)})`
  const detail = values.program.detail
  return (
    <Fieldset legend="Program since the last visit" aria-label="Program since the last visit">
      <Stack gap="sm">
        {!detail && (
          <TextInput
            id={fieldId('program.daysDone')}
            label="Planned days done"
            description={total === null ? 'From the patient’s calendar' : `Of ${total} planned days ${since}, from the patient’s calendar`}
            inputMode="numeric"
            autoComplete="off"
            maw={420}
            {...form.getInputProps('program.daysDone')}
          />
        )}
        <Checkbox label="Enter the days per exercise" {...form.getInputProps('program.detail', { type: 'checkbox' })} />
        {detail &&
          program.items.map((item) => {
            const p = planned(item.daysPerWeek)
            return (
              <TextInput
                key={item.exerciseId}
                id={fieldId(`program.${item.exerciseId}.daysDone`)}
                label={`${item.exerciseName}: days done`}
                description={p === null ? undefined : `Of ${p} planned days ${since}`}
                inputMode="numeric"
                autoComplete="off"
                maw={420}
                {...form.getInputProps(`program.daysDoneByExercise.${item.exerciseId}`)}
                error={form.errors[`program.${item.exerciseId}.daysDone`]}
              />
            )
          })}
        {confirmStages &&
          program.items.map((item) => {
            const plan = { stage: item.stage, plannedWeeks: item.plannedWeeks, shiftWeeks: item.planShiftWeeks }
            const step = values.program.stageSteps[String(item.exerciseId)] ?? { decision: '', reason: '' }
            const next = plannedNext(plan, item.stages)
            return (
              <Stack key={item.exerciseId} gap={4}>
                <Radio.Group
                  id={fieldId(`program.${item.exerciseId}.decision`)}
                  label={item.exerciseName}
                  description={`${stageNow(item.stage, item.stages)}${next ? ` · ${next}` : ''}`}
                  value={step.decision}
                  onChange={(v) => form.setFieldValue(`program.stageSteps.${item.exerciseId}.decision`, v as typeof step.decision)}
                  error={form.errors[`program.${item.exerciseId}.decision`]}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="advance" label="Advance" disabled={item.stage + 1 >= item.stages.length} />
                    <Radio value="hold" label="Hold" />
                    <Radio value="step_back" label="Step back" disabled={item.stage === 0} />
                  </Group>
                </Radio.Group>
                {step.decision === 'step_back' && (
                  <TextInput
                    id={fieldId(`program.${item.exerciseId}.reason`)}
                    label={`Why ${item.exerciseName} steps back`}
                    description="For example what hurts"
                    maw={520}
                    {...form.getInputProps(`program.stageSteps.${item.exerciseId}.reason`)}
                    error={form.errors[`program.${item.exerciseId}.reason`]}
                  />
                )}
              </Stack>
            )
          })}
        {confirmStages && (
          <Text size="xs" c="dimmed">
            Leave an exercise unchosen to record no confirmation for it. A hold when the next stage is due moves its later planned weeks.
          </Text>
        )}
      </Stack>
    </Fieldset>
  )
}
