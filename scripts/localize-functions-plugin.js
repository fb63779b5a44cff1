/* eslint-disable no-undef */
const fs = require("fs");
const path = require("path");
const { sources } = require("webpack");

/**
 * Office localizes custom functions through one metadata file per locale (manifest: bt:Override on
 * Functions.Metadata.Url). This takes the generated functions.json and a translation file
 * `{ ID: { description, parameters: { name: text } } }` and writes functions.<locale>.json with the same ids and
 * names, translated help. A missing translation fails the build, so no function ships half-translated.
 */
function localizeFunctionsMetadata(metadataJson, translations, locale) {
  const metadata = JSON.parse(metadataJson);
  const missing = [];
  for (const fn of metadata.functions) {
    const text = translations[fn.id];
    if (!text || !text.description) {
      missing.push(fn.id);
      continue;
    }
    fn.description = text.description;
    for (const parameter of fn.parameters || []) {
      const help = text.parameters && text.parameters[parameter.name];
      if (help) parameter.description = help;
      else missing.push(`${fn.id}(${parameter.name})`);
    }
  }
  if (missing.length > 0) throw new Error(`No ${locale} help for: ${missing.join(", ")}`);
  return JSON.stringify(metadata, null, 2);
}

class LocalizedFunctionsMetadataPlugin {
  constructor({ locale, translations, source = "functions.json" }) {
    this.locale = locale;
    this.translations = translations;
    this.source = source;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "LocalizedFunctionsMetadataPlugin",
          stage: compilation.PROCESS_ASSETS_STAGE_ADDITIONS,
        },
        (assets) => {
          const generated = assets[this.source];
          if (!generated) return;
          const translationsPath = path.resolve(compiler.context, this.translations);
          compilation.fileDependencies.add(translationsPath);
          try {
            const translations = JSON.parse(fs.readFileSync(translationsPath, "utf8"));
            const localized = localizeFunctionsMetadata(
              generated.source().toString(),
              translations,
              this.locale
            );
            compilation.emitAsset(
              this.source.replace(/\.json$/, `.${this.locale}.json`),
              new sources.RawSource(localized)
            );
          } catch (error) {
            compilation.errors.push(
              new compilation.compiler.webpack.WebpackError(String(error.message || error))
            );
          }
        }
      );
    });
  }
}

module.exports = { LocalizedFunctionsMetadataPlugin, localizeFunctionsMetadata };
