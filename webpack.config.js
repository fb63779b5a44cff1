/* eslint-disable no-undef */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizedFunctionsMetadataPlugin } = require("./scripts/localize-functions-plugin");

const devUrl = "https://localhost:3000/";
// Where the production build will be hosted; manifest URLs are rewritten to it. Unset, the build stays on localhost.
const prodUrl = process.env.ADDIN_PUBLIC_URL
  ? process.env.ADDIN_PUBLIC_URL.replace(/\/?$/, "/")
  : devUrl;
// Office requires store add-ins to load Office.js from Microsoft's CDN; offline development uses the npm copy.
const cdnOfficeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // Type checking runs once in `npm run typecheck`; here esnext modules let webpack tree-shake Fluent UI.
    options: {
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: true },
    },
  },
};

/** The files whose JSDoc declares custom functions (src/functions/functions.ts re-exports them all). */
const FUNCTION_SOURCES = require("./src/functions/functionSources.json").map((file) => `./${file}`);

const refuseGeneratedCode = require("./scripts/webpack/refuse-generated-code-transform");

/**
 * DuckDB-WASM for "Summarise a large file": its workers and WebAssembly modules are served with the add-in (no
 * CDN) and fetched only when the user picks a file. The eh build needs WebAssembly exceptions, mvp runs anywhere.
 * The workers' paths to generated code are replaced by refusals (see the transform).
 */
const DUCKDB_FILES = [
  "duckdb-eh.wasm",
  "duckdb-mvp.wasm",
  "duckdb-browser-eh.worker.js",
  "duckdb-browser-mvp.worker.js",
].map((file) => ({
  from: `node_modules/@duckdb/duckdb-wasm/dist/${file}`,
  to: `duckdb/${file}`,
  ...(file.endsWith(".js") ? { transform: refuseGeneratedCode } : {}),
  // Already minified: Terser would only spend minutes on them.
  info: { minimized: true },
}));

/** zod's modules with a path to generated code (see the loader). */
const zodWithoutGeneratedCode = {
  test: /[\\/]node_modules[\\/]zod[\\/].*\.js$/,
  use: path.resolve(__dirname, "scripts/webpack/refuse-generated-code-loader.js"),
};

function common() {
  return {
    // Never an eval-based source map: the add-in evaluates no generated code, in development either.
    devtool: "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [typescriptRule, zodWithoutGeneratedCode, { test: /\.csv$/, type: "asset/source" }],
    },
    performance: { hints: false },
  };
}

/** The add-in: task pane and custom functions in one shared runtime page, plus manifest and icons. */
function addin(dev, httpsOptions) {
  return {
    ...common(),
    entry: { functions: "./src/functions/functions.ts", taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTION_SOURCES,
      }),
      new LocalizedFunctionsMetadataPlugin({
        locale: "zh-CN",
        translations: "./src/functions/locales/zh-CN.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        officeJsUrl: dev ? "office-js/office.js" : cdnOfficeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : content.toString().replaceAll(devUrl, prodUrl),
          },
          ...DUCKDB_FILES,
          // Office.js's npm package is a loader that needs its whole folder beside it.
          ...(dev ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js" }] : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: { type: "https", options: httpsOptions },
    },
  };
}

/** The workbench: the real task pane beside an in-memory sample workbook, for trying the add-in without Excel. */
function workbench(dev) {
  return {
    ...common(),
    entry: { workbench: "./src/workbench/index.tsx" },
    output: { path: path.resolve(__dirname, "dist-workbench"), filename: "[name].js", clean: true },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/workbench/workbench.html" }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/icon-32.png", to: "icon-32.png" }, ...DUCKDB_FILES],
      }),
    ],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (env.workbench) return workbench(dev);
  // Only `webpack serve` needs certificates; plain builds never touch them.
  const httpsOptions = env.WEBPACK_SERVE
    ? await require("office-addin-dev-certs").getHttpsServerOptions()
    : undefined;
  return addin(dev, httpsOptions);
};
