import { defineConfig } from "vite";

// Preact through the JSX automatic runtime: no plugin needed. Vite 6 still runs on Debian 12's
// own Node 18, so a fresh machine can build the window without a newer Node.
export default defineConfig({
  clearScreen: false,
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
});
