#!/usr/bin/env bash
# Runs every test file on its own (`npx vitest run <file>`), so a test that passes only after
# another file has run is caught. Builds first (HTTP and browser tests run build/server.js).
# Prints the files that failed and exits non-zero if any did. Pass file paths to run only those.
set -uo pipefail
cd "$(dirname "$0")/.."

npm run build --silent || exit 1
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files '*.test.ts' | sort); fi

failed=()
for file in "${files[@]}"; do
  printf '== %s\n' "$file"
  if ! npx vitest run "$file" --reporter=dot; then failed+=("$file"); fi
done

printf '\n%d files, %d failed\n' "${#files[@]}" "${#failed[@]}"
for file in "${failed[@]}"; do printf '  failed: %s\n' "$file"; done
[ "${#failed[@]}" -eq 0 ]
