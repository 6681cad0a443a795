// Confirmation before ending a program: end date and an optional reason.
import { DateField } from '../DateField'
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { localToday } from '@shared/calc/dates'
import { ApiError } from '@shared/domain/errors'
import type { Program } from '@shared/domain/program'
import { api } from '../../api'
import { useT } from '../../i18n'
import contrast from './contrast.module.css'
import { issuesToErrors, type FieldErrors } from '../exercise/dosageDraft'
import { ConflictReview, isStaleVersion, useConflictReview } from '../ConflictReview'
import { draftFromProgram, draftItemsForApi } from './programDraft'
import { draftFromReview, endReviewValues, exerciseNames, programEnd, programReviewFields, programShownValue, type ProgramReviewValues } from './programReview'

interface Props {
  program: Program
  opened: boolean
  onClose: () => void
  /** `ended` false: the review kept the program running (only their or your dosage choices were saved). */
  onEnded: (ended: boolean) => void
}

export function EndProgramModal({ program, opened, onClose, onEnded }: Props) {
  const t = useT()
  const [endDate, setEndDate] = useState(localToday())
  // The program as it was when the dialog opened (the page behind refreshes on changes elsewhere),
  // or as someone else saved it since.
  const [base, setBase] = useState(program)
  useEffect(() => {
    if (opened) setBase(program)
  }, [opened])
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // The program as it was when "End program" was pressed: "yours" in a review.
  const [seen, setSeen] = useState(program)
  const names = useMemo(() => exerciseNames([...base.items, ...seen.items]), [base, seen])
  const conflict = useConflictReview<ProgramReviewValues>([], programShownValue(names))
  const endFields = [
    { key: 'endDate', label: t('program.end.endDate') },
    { key: 'reason', label: t('program.end.reason') },
  ]

  /** Ends the program on `on`'s version; after a review, first the dosage kept as it was seen. */
  async function end(on: Program, seen: Program, choices: ProgramReviewValues | null) {
    setSaving(true)
    setFailure(null)
    try {
      let version = on.version
      const chosen = choices ? { endDate: String(choices.endDate), reason: String(choices.reason) } : { endDate, reason }
      if (choices) {
        const theirs = draftFromProgram(on)
        const kept = draftFromReview(choices, draftFromProgram(seen), theirs)
        if (JSON.stringify(endReviewValues(kept, programEnd(on))) !== JSON.stringify(endReviewValues(theirs, programEnd(on)))) {
          const updated = await api.programs.update({ programId: on.id, version, reviewDate: kept.reviewDate, items: draftItemsForApi(kept).items, reason: chosen.reason })
          version = updated.version
        }
      }
      if (chosen.endDate !== '') await api.programs.end({ programId: on.id, version, endDate: chosen.endDate, reason: chosen.reason })
      setErrors({})
      onEnded(chosen.endDate !== '')
    } catch (e) {
      const now = isStaleVersion(e) ? await api.programs.current({ patientId: on.patientId }).catch(() => null) : null
      if (isStaleVersion(e) && now && now.id === on.id) {
        const typed = { endDate: choices ? String(choices.endDate) : endDate, reason: choices ? String(choices.reason) : reason }
        const mine = draftFromProgram(seen)
        conflict.show(
          e.message,
          endReviewValues(draftFromProgram(on), programEnd(on)),
          endReviewValues(mine, typed),
          endReviewValues(draftFromProgram(now), programEnd(now)),
          [...endFields, ...programReviewFields(mine, draftFromProgram(now), names)],
        )
        setBase(now)
      } else if (e instanceof ApiError && e.code === 'invalid_input') setErrors(issuesToErrors(e.issues))
      else setFailure(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSeen(base)
    await end(base, base, null)
  }

  /** The end choices into the dialog; the dosage choices are kept for the save. */
  function applyReview(): ProgramReviewValues {
    const merged = conflict.resolve(endReviewValues(draftFromProgram(seen), { endDate, reason }))
    setEndDate(String(merged.endDate))
    setReason(String(merged.reason))
    return merged
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('program.end.title')} centered className={contrast.screen} closeButtonProps={{ 'aria-label': t('program.end.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('program.end.confirm', { name: program.name })}
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {conflict.view && (
            <ConflictReview {...conflict.view} onSave={() => void end(base, seen, applyReview())} onCancel={() => void applyReview()} saving={saving} />
          )}
          <DateField label={t('program.end.endDate')} value={endDate} onChange={setEndDate} error={errors.endDate} popoverProps={{ withinPortal: false }} />
          <Textarea
            label={t('program.end.reasonOptional')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('program.end.keep')}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              {t('program.end.title')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
