#!/usr/bin/env bash
# `npm run screenshots`: refreshes the README's pictures in docs/ on purpose. The e2e tests that take them
# write to out/screenshots/ (tests never touch tracked files); once they all pass, the pictures are copied over.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf out/screenshots
npm run --silent build:renderer >/dev/null
REQUIRE_E2E=1 npx vitest run --config vitest.e2e.config.ts $(grep -l screenshotFile e2e/*.e2e.ts)
cp out/screenshots/*.png docs/
echo "docs/: $(ls out/screenshots | wc -l) screenshots refreshed"
