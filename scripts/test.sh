#!/usr/bin/env bash
# npm test: everything the project needs to be trusted, on a fresh machine of this kind.
# Installs Debian's Chromium and libical bindings when missing, lints, type-checks, builds (vitest's global setup) and
# runs every test file (unit, api against dynalite, infra with cdk-nag, e2e in Chromium); ends with a plain
# "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# Debian packages the tests drive: Chromium (browser tests), and the calendar clients the feeds
# are read by: libical's GObject bindings, Python's icalendar with recurring-ical-events (both run
# with Debian's own python3) and khal.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
PATH=$(getconf PATH) python3 -c "import gi; gi.require_version('ICalGLib', '3.0')" >/dev/null 2>&1 \
  || missing+=(gir1.2-ical-3.0 python3-gi)
PATH=$(getconf PATH) python3 -c "import icalendar, recurring_ical_events" >/dev/null 2>&1 \
  || missing+=(python3-icalendar python3-recurring-ical-events)
PATH=$(getconf PATH) command -v khal >/dev/null 2>&1 || missing+=(khal)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages for the tests: ${missing[*]}…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}: run 'apt-get install -y ${missing[*]}' and try again." >&2; exit 1; }
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
