import { defineConfig } from "vite";

// The console is served by the Api from its wwwroot (index.html is the fallback for /chats/…,
// /admin/…), so the build goes there; `npm run dev` proxies the Api and the hub to a local ./run.
const api = process.env.SWITCHBOARD_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  build: {
    outDir: "../Api/wwwroot",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  server: {
    proxy: {
      "/api": api,
      "/hubs": { target: api, ws: true },
    },
  },
});
