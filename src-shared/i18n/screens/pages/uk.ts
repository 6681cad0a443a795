// Screen texts (pages) in uk. Translations of clinical words need review by a clinician who speaks the language.
import type { PagesKey } from './en'

const messages: Record<PagesKey, string> = {
  'app.nav.patients': 'Пацієнти',
  'app.nav.reviews': 'Огляди, що настали',
  'app.nav.exercises': 'Бібліотека вправ',
  'app.nav.settings': 'Налаштування',
}
export default messages
