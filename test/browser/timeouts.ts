// Launching Chromium and loading the workbench takes seconds on a loaded 2-core machine; Jest's 5 s default for
// hooks is too short. (testTimeout in a project's config is not applied to hooks, so it is set here.)
jest.setTimeout(60_000);
