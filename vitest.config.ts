import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // End-to-end tests talk to a local fake Discord; a hang must fail fast, never stall CI.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
