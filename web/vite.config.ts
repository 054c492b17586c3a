// Builds web/dist/newsroom.js: the script every page of the site loads
// (<script type="module" src="/assets/newsroom.js">). One flat file with a
// fixed name, because the server serves /assets/<name> from web/dist and
// nothing below it. The style sheet is inlined in the script.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2020",
    sourcemap: false,
    lib: {
      entry: "newsroom.ts",
      formats: ["es"],
      fileName: () => "newsroom.js",
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
