// Screen texts (pages) in pl. Translations of clinical words need review by a clinician who speaks the language.
import type { PagesKey } from './en'

const messages: Record<PagesKey, string> = {
  'app.nav.patients': 'Pacjenci',
  'app.nav.reviews': 'Zaplanowane kontrole',
  'app.nav.exercises': 'Biblioteka ćwiczeń',
  'app.nav.settings': 'Ustawienia',
}
export default messages
