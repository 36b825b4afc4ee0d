// ESLint (flat config) for the project's own JavaScript: `make lint` runs it.
// The browser modules are served as they are (no build step); the tests run under Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "app/static/vendor/", ".venv/", "bench/out/"] },
  js.configs.recommended,
  {
    files: ["app/static/js/**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: globals.browser },
  },
  {
    files: ["tests/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: globals.node },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
