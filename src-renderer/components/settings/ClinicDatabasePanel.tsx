// Settings → "Clinic database": where this workstation's records are, testing a PostgreSQL server,
// choosing it, and moving this clinic's records from the file on this computer to the server.
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import type { DatabaseServerCheck, DatabaseStatus } from '@shared/domain/database'
import { api } from '../../api'
import { t as translate, useT } from '../../i18n'
import { rich } from '../../pages/texts'
import { useDraftSubmit } from '../../lib/useDraftSubmit'

function checkSentence(c: DatabaseServerCheck): string {
  const values = { version: c.serverVersion, where: c.where }
  return c.holds === 'empty' ? translate('database.check.empty', values) : translate('database.check.clinic', { ...values, count: c.patients })
}

export function ClinicDatabasePanel() {
  const t = useT()
  const [status, setStatus] = useState<DatabaseStatus | null>(null)
  const [address, setAddress] = useState('')
  const [password, setPassword] = useState('')
  const [check, setCheck] = useState<DatabaseServerCheck | null>(null)
  const [confirming, setConfirming] = useState<'move' | 'use' | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const { errors, failure, saving, submit } = useDraftSubmit(form, /^(address|password)$/)

  useEffect(() => {
    api.database.status({}).then(setStatus, () => setStatus(null))
  }, [])

  const server = () => ({ address, password })
  const test = () =>
    submit({}, async () => {
      setCheck(null)
      setCheck(await api.database.testServer(server()))
    })
  const switchOver = () =>
    submit({}, async () => {
      if (confirming === 'move') await api.database.moveToServer(server())
      else await api.database.useServer(server())
      // Every page holds records of the database before: start again on the server.
      window.location.reload()
    })

  if (!status) return null
  return (
    <Stack gap="sm">
      <Title order={2}>{t('database.title')}</Title>
      <Text>
        {rich(t, status.dialect === 'sqlite' ? 'database.whereFile' : 'database.whereServer', {
          where: (
            <Text span fw={600}>
              {status.where}
            </Text>
          ),
        })}
      </Text>
      {!status.canChoose ? (
        <Text c="dimmed">{t('database.named')}</Text>
      ) : (
        <form
          ref={form}
          aria-label={t('database.server')}
          onSubmit={(e) => {
            e.preventDefault()
            void test()
          }}
        >
          <Stack gap="xs" maw={560}>
            <Text size="sm">
              {t('database.intro')}
            </Text>
            <TextInput
              label={t('database.address')}
              description={t('database.addressHelp')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={errors.address}
              autoComplete="off"
              spellCheck={false}
            />
            <PasswordInput
              label={t('database.password')}
              description={
                status.passwordStorage === 'encrypted'
                  ? t('database.passwordEncrypted')
                  : t('database.passwordNotStored')
              }
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              autoComplete="off"
            />
            {failure && (
              <Alert color="red" role="alert" title={t('database.notConnected')}>
                {failure}
              </Alert>
            )}
            {check && (
              <Alert color="teal" role="status" title={t('database.works')}>
                {checkSentence(check)}
              </Alert>
            )}
            <Group>
              <Button type="submit" variant="default" loading={saving && confirming === null}>
                {t('database.test')}
              </Button>
              {check && status.dialect === 'sqlite' && check.holds === 'empty' && (
                <Button onClick={() => setConfirming('move')}>{t('database.moveButton')}</Button>
              )}
              {check && check.holds === 'clinic' && <Button onClick={() => setConfirming('use')}>{t('database.use')}</Button>}
            </Group>
          </Stack>
        </form>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'move' ? t('database.moveTitle') : t('database.useTitle')}
      >
        <Stack>
          <Text>
            {confirming === 'move'
              ? t('database.moveText', { from: status.where, to: check?.where ?? t('database.theServer') })
              : t('database.useText', { from: status.where, to: check?.where ?? t('database.theServer') })}
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={saving}>
              {t('program.editor.cancel')}
            </Button>
            <Button onClick={() => void switchOver()} loading={saving}>
              {confirming === 'move' ? t('database.move') : t('database.use')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
