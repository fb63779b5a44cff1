import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";
import { coreBoundary } from "./scripts/eslint/coreBoundary.mjs";

/** office-addin-lint picks this file up: Microsoft's add-in rules plus the globals Office hosts provide. */
export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      // TypeScript checks redeclarations itself and allows a type and a value to share a name.
      "no-redeclare": "off",
    },
  },
  {
    // The command line (src/cli) runs in Node.
    files: ["src/cli/**/*.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    // The layers: src/core owns its ports and depends on nothing of the add-in's hosts or UI.
    files: ["src/core/**/*.{ts,tsx}"],
    plugins: { cva: { rules: { "core-boundary": coreBoundary } } },
    rules: { "cva/core-boundary": "error" },
  },
];
