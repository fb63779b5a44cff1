/*
 * The custom functions users type in cells (=CVA.CLV(...), =CVA.RFMSCORE(...)…). Each one is a thin adapter: its
 * JSDoc is the help Excel shows (custom-functions-metadata turns it into functions.json; the webpack plugin adds
 * the CustomFunctions.associate calls), then it reads the cells, calls the engine in src/core and maps failures to
 * Excel errors. None of them throws. Names and argument order are the public API: append, never reorder.
 * Translations of the help live in ./locales/<locale>.json. One file per family of functions; a new file is also
 * listed in ./functionSources.json so webpack (and the tests) read its JSDoc as metadata.
 */
export * from "./kpiFunctions";
export * from "./segmentFunctions";
export * from "./summaryFunctions";
export * from "./modelFunctions";
export * from "./modelProbabilityFunctions";
export * from "./holdoutFunctions";
export * from "./retentionFunctions";
