// The page in ../browser, built by Vite into dist/ (no inline scripts, so it runs under a strict CSP).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'browser',
  logLevel: 'warn',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
});
