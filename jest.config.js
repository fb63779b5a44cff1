/** Two projects: fast pure/unit tests, and browser tests that drive the workbench in Debian's Chromium. */
const shared = {
  transform: {
    "^.+\\.csv$": "<rootDir>/test/csvTransform.js",
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" },
        diagnostics: { warnOnly: false },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // office-addin-mock pulls ES-module-only helpers through office-addin-manifest; point at the CommonJS entry.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testEnvironment: "node",
};

module.exports = {
  reporters: ["default", "<rootDir>/test/summaryReporter.js"],
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
      testPathIgnorePatterns: ["/test/browser/"],
    },
    {
      ...shared,
      displayName: "browser",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      globalSetup: "<rootDir>/test/browser/globalSetup.ts",
      globalTeardown: "<rootDir>/test/browser/globalTeardown.ts",
      setupFilesAfterEnv: ["<rootDir>/test/browser/timeouts.ts"],
    },
  ],
};
