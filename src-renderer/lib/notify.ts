// Plain-sentence notifications for saves and unexpected errors.
import { notifications } from '@mantine/notifications'
import { t } from '../i18n'
import { plainMessage } from './issues'

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000, closeButtonProps: { 'aria-label': t('notify.close') } })
}

export function notifyError(e: unknown): void {
  notifications.show({ color: 'red', title: t('notify.notDone'), message: plainMessage(e), autoClose: 8000, closeButtonProps: { 'aria-label': t('notify.close') } })
}

/** Something was done, but not all of it: stays until closed, so it is read. */
export function notifyWarning(title: string, message: string): void {
  notifications.show({ color: 'orange', title, message, autoClose: false, closeButtonProps: { 'aria-label': t('notify.close') } })
}
