import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built into dist/web, which the server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      // ws: the live sockets are under /api too (/api/circles/live, /api/dialogues/:id/live).
      '/api': { target: 'http://localhost:3000', ws: true },
      '/health': 'http://localhost:3000',
      '/ready': 'http://localhost:3000',
    },
  },
});
