/**
 * Vite config of the web client: React with Fast Refresh, `shared/` imported from the repository
 * root, output in `client/dist`. In development `/api` and `/socket.io` go to the API server.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.SEVENFOLD_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: clientDir,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maps for debugging a build, without the sourceMappingURL comment; production never serves them
    sourcemap: 'hidden',
    // client/dist/.vite/manifest.json: which chunks each page loads (scripts/clientBundleSize.ts reads it)
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // shared chunks are named after every screen that loads them: too long for a file name
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('shared~') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            // what the sign-in page loads (the entry's static imports): one chunk, not a dozen
            { name: 'app', tags: ['$initial'] },
            // code several lazy screens share, grouped by the set of screens that use it, so each
            // screen loads a few chunks and never code only other screens need (Joi, recharts)
            { name: 'shared', minShareCount: 2, entriesAware: true },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
