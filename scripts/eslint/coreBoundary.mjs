import path from "node:path";

const CORE = path.resolve(import.meta.dirname, "../../src/core");
/** Packages the engine must never see: the host (Office), the UI (React, Fluent) and translation (i18n). */
const FORBIDDEN_PACKAGE = /office|react|i18n|fluent/i;

/**
 * Every arrow points at the core: a module in src/core imports only from src/core and from packages that are
 * neither Office, React nor i18n. Checks static imports, re-exports, import() and require().
 */
export const coreBoundary = {
  meta: {
    type: "problem",
    docs: {
      description:
        "src/core imports nothing outside src/core, and no Office, React or i18n package",
    },
    schema: [],
    messages: {
      outside: "src/core must not import {{source}}: it resolves outside src/core ({{resolved}}).",
      forbidden:
        "src/core must not import {{source}}: the engine stays free of Office, React and i18n.",
    },
  },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(CORE + path.sep)) return {};
    const check = (node, source) => {
      if (typeof source !== "string") return;
      if (source.startsWith(".")) {
        const resolved = path.resolve(path.dirname(file), source);
        if (resolved !== CORE && !resolved.startsWith(CORE + path.sep))
          context.report({
            node,
            messageId: "outside",
            data: { source, resolved: path.relative(process.cwd(), resolved) },
          });
      } else if (FORBIDDEN_PACKAGE.test(source) || path.isAbsolute(source)) {
        context.report({ node, messageId: "forbidden", data: { source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
      CallExpression: (node) =>
        node.callee.type === "Identifier" &&
        node.callee.name === "require" &&
        node.arguments[0]?.type === "Literal" &&
        check(node, node.arguments[0].value),
    };
  },
};
