// Builds web/dist/newsroom-<hash>.js: the script every page of the site
// loads (<script type="module" src="/assets/newsroom-<hash>.js">), minified,
// with the style sheet inlined. The name carries a hash of the content, so
// the server can tell browsers to keep it for a year (immutable): a new
// build is a new name, which the server finds in web/dist at start. One
// flat file, because the server serves /assets/<name> from web/dist and
// nothing below it.
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
    minify: "esbuild",
    modulePreload: false,
    rollupOptions: {
      input: fileURLToPath(new URL("newsroom.ts", import.meta.url)),
      preserveEntrySignatures: false,
      output: {
        format: "es",
        entryFileNames: "newsroom-[hash].js",
        inlineDynamicImports: true,
      },
    },
  },
});
