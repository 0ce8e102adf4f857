import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// `TRACKLET_BACKEND_URI=http://host:5000 npx vite` proxies the API to any MLflow-compatible
// server, so the browser needs no CORS.
const backend = process.env.TRACKLET_BACKEND_URI ?? "http://127.0.0.1:5000";

const BOOT = "src/web/boot.ts";

/**
 * src/web/boot.ts as an entry of its own, loaded by index.html before the app: Vite would merge every
 * script of index.html into one entry chunk, and boot.ts exists to run before the app's big chunk
 * has been compiled. Its modules shared with the app (the query client above all) land in a common
 * chunk, so both fill and read the same cache.
 */
function bootEntry(): Plugin {
  return {
    name: "tracklet-boot-entry",
    config: (_config, { command }) => (command === "build" ? { build: { rollupOptions: { input: { index: "index.html", boot: BOOT } } } } : {}),
    transformIndexHtml: {
      order: "post",
      handler: (html, ctx) => {
        if (!ctx.bundle) return [{ tag: "script", attrs: { type: "module", src: `/${BOOT}` }, injectTo: "head-prepend" }];
        const boot = Object.values(ctx.bundle).find((c) => c.type === "chunk" && c.isEntry && c.name === "boot");
        if (boot?.type !== "chunk") throw new Error("the boot entry was not built");
        return [
          { tag: "script", attrs: { type: "module", crossorigin: true, src: `/${boot.fileName}` }, injectTo: "head-prepend" },
          // The app's entry usually preloads the same shared chunks already.
          ...boot.imports.filter((file) => !html.includes(`/${file}"`)).map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` }, injectTo: "head" as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), bootEntry()],
  root: ".",
  publicDir: "public",
  build: { outDir: "dist/web", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: true },
      "/ajax-api": { target: backend, changeOrigin: true },
      // MLflow's UI download route (artifact previews and downloads); a regex, so `/get-artifacts…` is not caught.
      "^/get-artifact(?:\\?|$)": { target: backend, changeOrigin: true },
    },
  },
});
