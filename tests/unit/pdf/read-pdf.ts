// Reads a PDF back the way a reader sees it: text per page with positions, and the page size.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfTextItem {
  str: string
  /** Left edge and baseline in PDF points from the bottom-left corner. */
  x: number
  y: number
  width: number
  height: number
}

export interface PdfPage {
  width: number
  height: number
  items: PdfTextItem[]
  /** All text on the page joined with single spaces (wrapped lines read on). */
  text: string
}

export interface ReadPdf {
  pages: PdfPage[]
  /** Every page's text, joined. */
  text: string
  title: string | null
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const pages: PdfPage[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    const content = await page.getTextContent()
    const items: PdfTextItem[] = []
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue
      // A no-break space (the documents keep a date on one line with them) reads as a space.
      items.push({ str: it.str.replace(/\u00a0/g, ' '), x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, height: it.height })
    }
    pages.push({ width: x1 - x0, height: y1 - y0, items, text: squash(items.map((t) => t.str).join(' ')) })
  }
  const meta = await doc.getMetadata()
  const info = meta.info as { Title?: string }
  await doc.destroy()
  return { pages, text: squash(pages.map((p) => p.text).join(' ')), title: info.Title ?? null }
}

/** Text inside the content area only: header and footer lines left out, so paragraphs read on across pages. */
export function bodyText(pdf: ReadPdf, furniturePt = { top: 94, bottom: 68 }): string {
  return squash(
    pdf.pages
      .flatMap((p) => p.items.filter((i) => i.y < p.height - furniturePt.top && i.y > furniturePt.bottom))
      .map((i) => i.str)
      .join(' '),
  )
}

/** Text items that reach outside the page box (with a small tolerance for glyph overhang). */
export function itemsOutsidePage(page: PdfPage, tolerance = 0.5): PdfTextItem[] {
  return page.items.filter(
    (t) => t.x < -tolerance || t.x + t.width > page.width + tolerance || t.y < -tolerance || t.y + t.height > page.height + tolerance,
  )
}

/** Fonts the PDF uses that are not embedded (a font dictionary without a FontFile). Reads the raw objects. */
export function fontReport(bytes: Uint8Array): { embedded: number; baseFonts: string[]; standardFonts: string[] } {
  const raw = Buffer.from(bytes).toString('latin1')
  const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+\-_]+)/g)].map((m) => m[1]!)
  const standardFonts = baseFonts.filter((f) => /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/.test(f))
  const embedded = [...raw.matchAll(/\/FontFile2\s/g)].length
  return { embedded, baseFonts: [...new Set(baseFonts)], standardFonts }
}
