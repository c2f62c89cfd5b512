import { defineConfig } from "vite";

// Preact through the JSX automatic runtime: no plugin needed.
export default defineConfig({
  clearScreen: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
});
