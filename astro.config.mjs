// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeMathPunctuation from './src/lib/rehype-math-punctuation.ts';
import rehypeLessonParts from './src/lib/rehype-lesson-parts.ts';
import { inlineScriptHashes } from './src/lib/inline-scripts.ts';

/** The peer-session server the book is built to use (session-settings.ts reads the same variable). */
const PEER_SERVER = new URL(process.env.PUBLIC_PEER_SERVER || 'ws://127.0.0.1:1234').origin;

export default defineConfig({
  site: 'https://glassbox.example',
  trailingSlash: 'ignore',
  // Two editions: English at the root, Korean under /ko/ (src/pages/ko/ renders the same pages in Korean).
  i18n: { defaultLocale: 'en', locales: ['en', 'ko'], routing: { prefixDefaultLocale: false } },
  integrations: [mdx()],
  security: {
    // A <meta> Content-Security-Policy on every page: scripts only from the site itself (Astro adds the
    // hashes of its own inlined scripts, inline-scripts.ts those of the two before-paint ones), no eval;
    // WebAssembly may compile (the engine's fallback on the page, search); data and models come only
    // from the site. Styles may be inline: KaTeX and Plot write style attributes.
    csp: {
      directives: [
        "default-src 'self'",
        // Besides the site: the peer-session server it was built for, a server on this machine (a group's
        // own, on any port), and any TLS WebSocket server, so a reader can name another server in the
        // session dialog. Nothing is sent to a server until the reader starts or joins a session.
        `connect-src 'self' ${PEER_SERVER} ws://127.0.0.1:* ws://localhost:* wss:`,
        "img-src 'self' data: blob:",
        // Vite inlines the smallest KaTeX fonts into the stylesheet as data: URLs.
        "font-src 'self' data:",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes() },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  markdown: {
    // KaTeX needs remark/rehype plugins, so lessons go through unified (MDX inherits it).
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeMathPunctuation, rehypeLessonParts] }),
  },
  vite: {
    // The wasm backend's binaries are imported with ?url and served from the site itself.
    assetsInclude: ['**/*.wasm'],
    // The engine's worker imports its backends and tasks on demand, which needs an ES module worker.
    worker: { format: 'es' },
    build: {
      chunkSizeWarningLimit: 2048,
      rollupOptions: {
        output: {
          // Name each tfjs package's chunk after it, so the bench and tests can see which backend a page loaded.
          manualChunks(id) {
            const match = /node_modules\/@tensorflow\/(tfjs-[a-z-]+)\//.exec(id);
            return match ? match[1] : undefined;
          },
        },
      },
    },
  },
});
