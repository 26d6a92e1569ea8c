import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // A browser journey of a dozen steps takes ~20 s here when the 2 cores are the suite's alone,
    // and has taken over 30 s when they were shared: room for a busy machine, not for a hang
    // (every step waits for a condition with its own timeout).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition (a focus moved, a count settled): 1 s, its default, is too
    // little when the cores are shared.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
