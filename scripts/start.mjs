// `npm start` after the build: serves dist with vite preview and says, plainly, which address to open (#17).
import { preview } from 'vite';

const server = await preview({ preview: { open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.preview.port}/`;
console.log(`\nID Merge Lab is running: open ${url} in your browser. Press Ctrl+C to stop.\n`);
