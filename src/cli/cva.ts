// The `cva` command (package.json "bin", through bin/cva.js): runs one command line and exits with its code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { processIo } from "./io";
import { main } from "./main";
import { EXIT } from "./cliError";

const { version } = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));

process.once("SIGINT", () => {
  process.stderr.write("\ncva: interrupted\n");
  process.exit(EXIT.interrupted);
});

main(process.argv.slice(2), processIo, version).then((code) => {
  process.exitCode = code;
});
