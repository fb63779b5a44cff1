/**
 * After `npm run build`: dist/ must hold what Office loads — manifest, task pane page and scripts, and the
 * custom-functions metadata in both languages with ids as Office expects them (upper-case, no namespace: Office
 * prefixes the manifest's CVA namespace itself).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dist = join(__dirname, "..", "dist");
const problems: string[] = [];
for (const file of [
  "manifest.xml",
  "taskpane.html",
  "taskpane.js",
  "functions.js",
  "functions.json",
  "functions.zh-CN.json",
  "help.html",
  "assets/icon-80.png",
]) {
  if (!existsSync(join(dist, file))) problems.push(`dist/${file} is missing`);
}
if (problems.length === 0) {
  const english = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")).functions as {
    id: string;
    name: string;
  }[];
  const chinese = JSON.parse(readFileSync(join(dist, "functions.zh-CN.json"), "utf8"))
    .functions as { id: string; description: string }[];
  if (english.length === 0) problems.push("functions.json declares no functions");
  for (const fn of english) {
    if (!/^[A-Z][A-Z0-9_.]{2,}$/.test(fn.id) || fn.id.startsWith("CVA."))
      problems.push(`function id ${fn.id} is not as Office expects`);
    if (fn.id !== fn.name) problems.push(`function ${fn.id} has a different name (${fn.name})`);
  }
  if (chinese.map((f) => f.id).join() !== english.map((f) => f.id).join())
    problems.push("functions.zh-CN.json does not list the same functions");
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  for (const script of ["functions.js", "taskpane.js", "office.js"])
    if (!html.includes(script)) problems.push(`taskpane.html does not load ${script}`);
  console.log(
    `dist/: ${english.length} custom functions (en-US and zh-CN metadata), task pane, manifest, icons`
  );
}
// The privacy rule: no generated code. Any eval, Function constructor call or alias of it in the shipped scripts fails.
const GENERATED_CODE = [
  /(?<![\w$.])eval\s*\(/,
  /new\s+Function\b/,
  /(?<![\w$.])Function\s*\(/,
  /[=(,:?]\s*Function\s*[,;)]/,
];
for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".js") || file.startsWith("office-js")) continue;
  const code = readFileSync(join(dist, file), "utf8");
  for (const pattern of GENERATED_CODE) {
    const at = code.search(pattern);
    if (at >= 0)
      problems.push(
        `dist/${file} can evaluate generated code: …${code.slice(Math.max(0, at - 40), at + 40)}…`
      );
  }
}
if (problems.length > 0) {
  problems.forEach((p) => console.error(`  - ${p}`));
  process.exit(1);
}
