/**
 * Serves the built workbench (dist-workbench/) on http://localhost:3100 — plain http on loopback, nothing else.
 * `PORT=… node scripts/serve-workbench.mjs` picks another port; tests import startWorkbenchServer().
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../dist-workbench", import.meta.url)));
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".map": "application/json",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
};

export function startWorkbenchServer(port = Number(process.env.PORT ?? 3100)) {
  const server = createServer((request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)
    ).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer) =>
    server.listen(port, "127.0.0.1", () => resolveServer(server))
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startWorkbenchServer();
  const { port } = server.address();
  console.log(`Workbench: http://localhost:${port}/  (CDNOW sample; Ctrl+C to stop)`);
}
