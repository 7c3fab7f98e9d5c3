import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';

/**
 * React Aria ships its screen-reader words in 34 languages, all bundled. Keep the three the app
 * speaks (nl-BE and fr-BE find nl-NL and fr-FR by language); any other falls back to English.
 */
function onlyOurReactAriaLocales(keep: readonly string[]): Plugin {
  const file =
    /[\\/]react-(?:aria|aria-components|stately)[\\/]dist[\\/]private[\\/]intl[\\/](?:[^\\/]+[\\/])?([a-z]{2}-[A-Z]{2})\.mjs$/;
  return {
    name: 'verbonden:react-aria-locales',
    enforce: 'pre',
    load(id) {
      const locale = file.exec(id)?.[1];
      // React Aria's dictionary skips empty entries (made for exactly this kind of trimming).
      return locale && !keep.includes(locale) ? 'export default undefined;' : null;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web/', import.meta.url)),
  plugins: [react(), onlyOurReactAriaLocales(['en-US', 'nl-NL', 'fr-FR'])],
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs: the CSP only allows fonts and scripts from 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': api, '/healthz': api },
  },
});
