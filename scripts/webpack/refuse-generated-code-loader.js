/* eslint-disable no-undef */
/**
 * zod 4 keeps a code generator (`new Function`) for its fast path. The add-in sets zod `jitless`, so it is never
 * used; this loader also takes the Function constructor out of zod's modules, so no path to generated code is left
 * in the bundle at all (scripts/check-build.ts fails the build if one appears).
 */
const FUNCTION_ALIAS = /const (\w+) = Function;/g;

module.exports = function refuseGeneratedCode(source) {
  return source.replace(
    FUNCTION_ALIAS,
    'const $1 = function refused() { throw new Error("Generated code is disabled in this add-in."); };'
  );
};
