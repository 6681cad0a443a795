// Renderer entry: Mantine providers (colour scheme, notifications), sign-in and the session around the app.
import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/notifications/styles.css'
import './print.css'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { App } from './App'
import { cssVariablesResolver, theme } from './theme'
import { RecoveryGate } from './pages/RecoveryPage'
import { SessionProvider } from './session'
import { AuthGate } from './auth'

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <Notifications position="top-right" />
    <RecoveryGate>
      <AuthGate>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AuthGate>
    </RecoveryGate>
  </MantineProvider>,
)
