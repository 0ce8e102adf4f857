// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layer order of DEVELOPERS.md: each layer may import only the layers named before it.
 * `web` is the exception: a browser bundle over `core` and `client` only.
 */
const LAYERS = /** @type {const} */ ({
  core: [],
  store: ["core"],
  client: ["core"],
  server: ["core", "store"],
  sdk: ["core", "client", "store"],
  cli: ["core", "store", "client", "server", "sdk"],
  web: ["core", "client"],
});
const ALL = Object.keys(LAYERS);

/** A relative import that climbs out of the current layer into `layer`. */
const intoLayer = (/** @type {string[]} */ names) => `^(\\.\\./)+(${names.join("|")})(/|$)`;

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
  const forbidden = ALL.filter((l) => l !== layer && !allowed.includes(l));
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...(forbidden.length
              ? [{ regex: intoLayer(forbidden), message: `src/${layer} may import only: ${allowed.join(", ") || "nothing internal"} (layer order, DEVELOPERS.md).` }]
              : []),
            { regex: "(^|/)e2e(/|$)", message: "Nothing imports e2e." },
            ...(layer === "core" || layer === "web" || layer === "client"
              ? [{ regex: "^(fastify|kysely|better-sqlite3|pg|node:)", message: `src/${layer} must stay free of server frameworks and Node built-ins.` }]
              : []),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "mlruns/**", "test-results/**", "playwright-report/**", "bin/**", "scripts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: "No focused tests." }],
    },
  },
  {
    files: ["eslint.config.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layerRules,
);
