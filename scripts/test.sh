#!/usr/bin/env bash
# npm test: everything the project needs to be trusted, on a fresh machine of this kind.
# Installs Debian's Chromium when missing, lints, type-checks, builds (vitest's global setup) and
# runs every test file (unit, api against dynalite, infra with cdk-nag, e2e in Chromium); ends with a plain
# "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium: run 'apt-get install -y chromium' and try again." >&2; exit 1; }
fi
[ -d node_modules ] || npm ci

failed_steps=0
step() {
  local name=$1; shift
  echo "== $name"
  if ! "$@"; then echo "!! $name failed"; failed_steps=$((failed_steps + 1)); fi
}
step lint npx biome check .
step typecheck npx tsc --noEmit -p tsconfig.json

mkdir -p .test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
vitest_status=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  try {
    const r = JSON.parse(fs.readFileSync(".test-results/vitest.json", "utf8"));
    passed = r.numPassedTests; failed = r.numFailedTests + (r.numTodoTests || 0) + (r.numPendingTests || 0);
    for (const f of r.testResults) if (f.status === "failed" && f.assertionResults.length === 0) failed++;
  } catch { failed++; }
  const steps = Number(process.argv[1]);
  console.log(`${passed + (2 - steps)} passed, ${failed + steps} failed`);
' "$failed_steps"

[ "$vitest_status" -eq 0 ] && [ "$failed_steps" -eq 0 ]
