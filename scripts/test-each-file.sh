#!/usr/bin/env bash
# Runs every test file on its own (`npx vitest run FILE`, one process each), so a file that passes
# only after another one has run shows up. Arguments: files, folders or globs (default: every test
# file the Vitest config includes). Prints one line per file and a summary; exits 1 if any failed.
#   scripts/test-each-file.sh                    # all (long: one Vitest start per file)
#   scripts/test-each-file.sh app/services test/http/foundation.test.ts
# The HTTP and browser tests run the built server: `npm run build` first.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then set -- app db scripts server test; fi
mapfile -t files < <(
  for arg in "$@"; do
    if [ -d "$arg" ]; then find "$arg" -name '*.test.ts' -not -path '*/node_modules/*'; else compgen -G "$arg" || echo "$arg"; fi
  done | sort -u
)

failed=()
for file in "${files[@]}"; do
  started=$SECONDS
  if npx vitest run "$file" >"${TMPDIR:-/tmp}/test-each-file.log" 2>&1; then
    printf 'pass  %4ss  %s\n' $((SECONDS - started)) "$file"
  else
    printf 'FAIL  %4ss  %s\n' $((SECONDS - started)) "$file"
    tail -n 40 "${TMPDIR:-/tmp}/test-each-file.log" | sed 's/^/      /'
    failed+=("$file")
  fi
done
printf '\n%d files, %d failed\n' "${#files[@]}" "${#failed[@]}"
for file in "${failed[@]}"; do printf '  %s\n' "$file"; done
[ "${#failed[@]}" -eq 0 ]
