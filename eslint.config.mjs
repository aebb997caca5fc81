import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // UI pieces run in the browser: they may use the server's types, never its modules.
    files: ["components/**/*.tsx", "app/**/_components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db/*", "@/db/**"], message: "Client components must not import the database.", allowTypeImports: true },
            { group: ["@/lib/*", "@/lib/**"], message: "Client components may import only types from lib/; call a server action instead.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
];

export default config;
