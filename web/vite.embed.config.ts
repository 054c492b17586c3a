// Builds web/dist/embed.js: the comments of one article and the comment
// form, for another site's page:
//   <script src="https://SITE/assets/embed.js" data-article="SLUG" async></script>
// A classic script (an IIFE, not a module) so that the one line above is
// all a host page needs.
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
      entry: "embed.ts",
      name: "NewsroomEmbed",
      formats: ["iife"],
      fileName: () => "embed.js",
    },
  },
});
