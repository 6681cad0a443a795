// Page furniture shared by every document: clinic header (logo, name, contact) and the footer.
import type { Settings } from '@shared/domain/settings'
import { documentTranslator } from '@shared/i18n/documents'
import type { Language } from '@shared/i18n/languages'
import { alignedText, contentBox, documentDate, MUTED, RULE, style, type Geometry, type Measure, type Op } from './layout'

/** Decoded logo bytes with their pixel size, read once per document by the drawing side. */
export interface Logo {
  data: Uint8Array
  widthPx: number
  heightPx: number
}

export type Clinic = Pick<Settings, 'clinicName' | 'address' | 'phone' | 'email'>

export function contactLine(c: Clinic, language: Language = 'en'): string {
  const address = c.address
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ')
  const phone = c.phone ? documentTranslator(language)('page.phone', { phone: c.phone }) : ''
  return [address, phone, c.email ?? ''].filter(Boolean).join(' · ')
}

const LOGO_MAX_H = 40
const LOGO_MAX_W = 110

export function headerOps(g: Geometry, clinic: Clinic, logo: Logo | null, documentTitle: string, measure: Measure, language: Language = 'en'): Op[] {
  const box = contentBox(g)
  const top = g.margins.top
  const ops: Op[] = []
  let textLeft = box.left
  if (logo && logo.widthPx > 0 && logo.heightPx > 0) {
    const scale = Math.min(LOGO_MAX_H / logo.heightPx, LOGO_MAX_W / logo.widthPx)
    const w = logo.widthPx * scale
    const h = logo.heightPx * scale
    ops.push({ kind: 'image', data: logo.data, x: box.left, y: top, w, h })
    textLeft = box.left + w + 10
  }
  const titleWidth = 150
  const textWidth = box.right - textLeft - titleWidth - 8
  ops.push(alignedText(clinic.clinicName, textLeft, top + 2, textWidth, style(13, 'bold'), measure))
  const contact = contactLine(clinic, language)
  if (contact) ops.push(alignedText(contact, textLeft, top + 22, box.right - textLeft, style(7.5, 'regular', MUTED), measure))
  ops.push(alignedText(documentTitle, box.right - titleWidth, top + 4, titleWidth, style(9, 'regular', MUTED), measure, 'right'))
  const ruleY = top + g.headerHeight - 8
  ops.push({ kind: 'line', x1: box.left, y1: ruleY, x2: box.right, y2: ruleY, width: 0.75, color: RULE })
  return ops
}

export function footerOps(g: Geometry, pageNumber: number, pageCount: number, printedOn: string, measure: Measure, language: Language = 'en'): Op[] {
  const t = documentTranslator(language)
  const box = contentBox(g)
  const ruleY = g.height - g.margins.bottom - g.footerHeight + 8
  const y = ruleY + 6
  const s = style(8, 'regular', MUTED)
  return [
    { kind: 'line', x1: box.left, y1: ruleY, x2: box.right, y2: ruleY, width: 0.5, color: RULE },
    alignedText(t('page.printed', { date: documentDate(printedOn, language) }), box.left, y, box.width / 2, s, measure),
    alignedText(t('page.number', { page: pageNumber, count: pageCount }), box.left + box.width / 2, y, box.width / 2, s, measure, 'right'),
  ]
}

/** Adds header and footer to each laid-out page; "Page x of y" needs the final page count. */
export function withFurniture(
  pages: Op[][],
  g: Geometry,
  clinic: Clinic,
  logo: Logo | null,
  documentTitle: string,
  printedOn: string,
  measure: Measure,
  language: Language = 'en',
): Op[][] {
  const header = headerOps(g, clinic, logo, documentTitle, measure, language)
  return pages.map((ops, i) => [...header, ...ops, ...footerOps(g, i + 1, pages.length, printedOn, measure, language)])
}
