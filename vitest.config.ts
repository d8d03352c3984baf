import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Adapter tests start servers and child processes on 127.0.0.1; give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
  },
});
