// Build of the three Electron parts (main, preload, renderer) plus the loopback browser shell.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(__dirname, 'src-shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // Native (better-sqlite3) and PDF (pdfkit reads its own font files) modules must stay
      // in node_modules; externalizeDeps keeps every production dependency external — except
      // intl-messageformat, an ES module only: bundled, the CommonJS main need not require() it.
      externalizeDeps: { exclude: ['intl-messageformat'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          'browser-shell': resolve(__dirname, 'src-main/browser-shell/main.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        // A sandboxed preload cannot require() files: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias: shared },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified; minified it parses ~0.5 s faster (issue 6).
      minify: 'esbuild',
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
})
