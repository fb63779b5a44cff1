#!/usr/bin/env node
// `cva` runs the TypeScript sources through tsx: the same engine modules as the add-in, nothing to build first.
require("tsx/cjs");
require("../src/cli/cva.ts");
