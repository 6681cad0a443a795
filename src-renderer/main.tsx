// Renderer entry: Mantine providers (colour scheme, notifications), sign-in and the session around the app.
import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import './app.css'
import './print.css'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { App } from './App'
import { cssVariablesResolver, theme } from './theme'
import { RecoveryGate } from './pages/RecoveryPage'
import { SessionProvider } from './session'
import { AuthGate } from './auth'
import { I18nProvider } from './i18n'

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    {/* Bottom left, as wide as the navigation, over its empty end: never over the header, a page's buttons or a dialog's close button. */}
    <Notifications position="bottom-left" containerWidth={184} limit={3} />
    <I18nProvider>
      <RecoveryGate>
        <AuthGate>
          <SessionProvider>
            <App />
          </SessionProvider>
        </AuthGate>
      </RecoveryGate>
    </I18nProvider>
  </MantineProvider>,
)
