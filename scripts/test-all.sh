#!/usr/bin/env bash
# Runs every suite (unit, keychain, e2e in Chromium) and prints one closing summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

# The keychain tests need a D-Bus session; open one when we are not already inside one.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- bash "$0" "$@"
fi

reports="$(mktemp -d)"
trap 'rm -rf "$reports"' EXIT

npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
unit=$?
npm run --silent build:renderer >/dev/null
build=$?
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$reports/e2e.json"
e2e=$?

node -e '
  const fs = require("fs"), path = require("path");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["unit.json", "e2e.json"]) {
    const file = path.join(process.argv[1], f);
    if (!fs.existsSync(file)) { failed += 1; console.log(`${f}: no report (the run crashed)`); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$reports"

if [ $unit -ne 0 ] || [ $build -ne 0 ] || [ $e2e -ne 0 ]; then
  echo "tests FAILED (unit exit $unit, renderer build exit $build, e2e exit $e2e)"
  exit 1
fi
