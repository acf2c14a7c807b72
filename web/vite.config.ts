import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Utrecht React bundle assigns `X.displayName = '…'` at the top level of its one index
 * file; each assignment is a side effect that keeps that component in the bundle even when
 * unused (all ~100 of them). Dropping the assignments lets tree shaking keep only what the
 * pages import. displayName only names components in React DevTools.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'impactbeurs:utrecht-tree-shaking',
    enforce: 'pre',
    transform(code, id) {
      if (!/@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^\w+\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** The app is built into web/dist and served by the API's own Fastify process (src/plugins/web-app.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [utrechtTreeShaking(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed files under /assets are cached immutably by the server.
    assetsDir: 'assets',
    // The CSP allows no inline scripts: never inline the module preload helper.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      treeshake: {
        // The Utrecht React packages do not declare `sideEffects: false`, so without this the
        // whole library (calendar, combobox, …) lands in the first-load bundle.
        moduleSideEffects: (id: string) => !(/@utrecht\//.test(id) && !id.endsWith('.css')),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/v1': apiTarget,
      '/verify': apiTarget,
      '/.well-known': apiTarget,
      '/health': apiTarget,
    },
  },
});
