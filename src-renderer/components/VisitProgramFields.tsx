// The visit form's program part: days done from the patient's calendar since the last visit (one
// number, or per exercise in the detail) and, for a new visit, the stage confirmation per exercise.
import { Checkbox, Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import type { useForm } from '@mantine/form'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { formatDate } from '../lib/format'
import { plannedNextText, stageDecisionLabel, stageNowText } from '../lib/labels'
import { useT } from '../i18n'
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
  const t = useT()
  const values = form.getValues()
  const visitDate = /^\d{4}-\d{2}-\d{2}$/.test(values.visitDate.trim()) ? values.visitDate.trim() : null
  const maxPerWeek = Math.max(...program.items.map((i) => i.daysPerWeek))
  const planned = (perWeek: number) => (visitDate === null ? null : plannedDays(program, visits, visitDate, perWeek, correcting?.id))
  const total = planned(maxPerWeek)
  const previous = visits.filter((v) => v.id !== correcting?.id && v.visitDate >= program.startDate && visitDate !== null && v.visitDate < visitDate).pop()
  const sinceLast = previous ? formatDate(previous.visitDate) : null
  const started = formatDate(program.startDate)
  const ofPlanned = (count: number) =>
    sinceLast === null ? t('visitProgram.ofPlannedSinceStart', { count, date: started }) : t('visitProgram.ofPlannedSinceLast', { count, date: sinceLast })
  const ofPlannedFromCalendar = (count: number) =>
    sinceLast === null
      ? t('visitProgram.ofPlannedSinceStartCalendar', { count, date: started })
      : t('visitProgram.ofPlannedSinceLastCalendar', { count, date: sinceLast })
  const detail = values.program.detail
  return (
    <Fieldset legend={t('visitProgram.legend')} aria-label={t('visitProgram.legend')}>
      <Stack gap="sm">
        {!detail && (
          <TextInput
            id={fieldId('program.daysDone')}
            label={t('visitProgram.daysDone')}
            description={total === null ? t('visitProgram.fromCalendar') : ofPlannedFromCalendar(total)}
            inputMode="numeric"
            autoComplete="off"
            maw={420}
            {...form.getInputProps('program.daysDone')}
          />
        )}
        <Checkbox label={t('visitProgram.perExercise')} {...form.getInputProps('program.detail', { type: 'checkbox' })} />
        {detail &&
          program.items.map((item) => {
            const p = planned(item.daysPerWeek)
            return (
              <TextInput
                key={item.exerciseId}
                id={fieldId(`program.${item.exerciseId}.daysDone`)}
                label={t('visitProgram.exerciseDaysDone', { exercise: item.exerciseName })}
                description={p === null ? undefined : ofPlanned(p)}
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
            const next = plannedNextText(plan, item.stages)
            return (
              <Stack key={item.exerciseId} gap={4}>
                <Radio.Group
                  id={fieldId(`program.${item.exerciseId}.decision`)}
                  label={item.exerciseName}
                  description={`${stageNowText(item.stage, item.stages)}${next ? ` · ${next}` : ''}`}
                  value={step.decision}
                  onChange={(v) => form.setFieldValue(`program.stageSteps.${item.exerciseId}.decision`, v as typeof step.decision)}
                  error={form.errors[`program.${item.exerciseId}.decision`]}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="advance" label={stageDecisionLabel('advance')} disabled={item.stage + 1 >= item.stages.length} />
                    <Radio value="hold" label={stageDecisionLabel('hold')} />
                    <Radio value="step_back" label={stageDecisionLabel('step_back')} disabled={item.stage === 0} />
                  </Group>
                </Radio.Group>
                {step.decision === 'step_back' && (
                  <TextInput
                    id={fieldId(`program.${item.exerciseId}.reason`)}
                    label={t('visitProgram.whyStepBack', { exercise: item.exerciseName })}
                    description={t('visitProgram.whyStepBackHint')}
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
            {t('visitProgram.leaveUnchosen')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  )
}
