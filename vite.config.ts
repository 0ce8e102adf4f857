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

const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * V8's explicit compile hint on the app's entry chunk: every function in it is compiled eagerly on
 * the background thread that streams the script in, instead of one by one on the main thread the
 * first time each is called (~1,000 functions, most of them React's render path, on a cold load).
 * V8 honours the comment only on the file's first line, and Vite writes its preload table there
 * after the chunk is rendered, so it is added last, with the source map shifted by that line.
 */
function compileHint(): Plugin {
  return {
    name: "tracklet-compile-hint",
    apply: "build",
    enforce: "post",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk" || !chunk.isEntry || chunk.name !== "index") continue;
          chunk.code = COMPILE_HINT + chunk.code;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === "asset" && typeof map.source === "string") {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), bootEntry(), compileHint()],
  root: ".",
  publicDir: "public",
  build: { outDir: "dist/web", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: true },
      "/ajax-api": { target: backend, changeOrigin: true },
    },
  },
});
