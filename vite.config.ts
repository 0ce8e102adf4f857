import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `TRACKLET_BACKEND_URI=http://host:5000 npx vite` proxies the API to any MLflow-compatible
// server, so the browser needs no CORS.
const backend = process.env.TRACKLET_BACKEND_URI ?? "http://127.0.0.1:5000";

export default defineConfig({
  plugins: [react()],
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
