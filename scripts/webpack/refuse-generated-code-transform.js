/* eslint-disable no-undef */
/**
 * DuckDB-WASM's workers are Emscripten output with paths to generated code: eval in its dynamic linking (loading
 * extension side modules, which the add-in never does) and emscripten_run_script, and the Function constructor in
 * embind's and Arrow's code generators. The add-in evaluates no generated code, so the copies it ships have each of
 * them replaced by a function that refuses; a path DuckDB would take through one fails loudly instead of running
 * generated code (scripts/check-build.ts fails the build if any is left in dist/).
 */
const REPLACEMENTS = [
  [/(?<![\w$.])eval\s*\(/g, "refusedEval("],
  [/\bnew\s+Function\s*\(/g, "new RefusedFunction("],
  [/([=(,:?]\s*)Function(\s*[,;)])/g, "$1RefusedFunction$2"],
  [/(?<![\w$.])Function\s*\(/g, "RefusedFunction("],
];
const REFUSE =
  "function refusedEval() { throw new Error(\"Generated code is disabled in this add-in.\"); }\n" +
  "function RefusedFunction() { throw new Error(\"Generated code is disabled in this add-in.\"); }\n";

module.exports = function refuseGeneratedCode(content) {
  let code = content.toString();
  for (const [pattern, replacement] of REPLACEMENTS) code = code.replace(pattern, replacement);
  return REFUSE + code;
};
