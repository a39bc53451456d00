#!/usr/bin/env bash
# The "Check" step of action.yml: `openai-model-lint check --format sarif` over the action's
# inputs (OAML_* variables), the findings printed to the log, the SARIF file and the exit
# status recorded as step outputs ($GITHUB_OUTPUT). It always exits 0 itself: the status is
# applied by the last step, after the SARIF upload.
set -uo pipefail

output() { echo "$1=$2" >> "$GITHUB_OUTPUT"; }

fail_level=${OAML_FAIL_LEVEL:-error}
case "$fail_level" in
  error | warning | never) ;;
  *)
    echo "::error::openai-model-lint: fail-level must be error, warning or never (got '$fail_level')"
    output exit-code 2
    exit 0
    ;;
esac

args=(check --format sarif)
if [ -n "${OAML_AS_OF:-}" ]; then args+=(--as-of "$OAML_AS_OF"); fi
if [ -n "${OAML_CONFIG:-}" ]; then args+=(--config "$OAML_CONFIG"); fi
# fail-level warning: any warning fails too
if [ "$fail_level" = warning ]; then args+=(--max-warnings 0); fi
# paths: split on spaces and new lines, never glob-expanded
set -f
# shellcheck disable=SC2206
paths=(${OAML_PATHS:-.})
set +f
args+=(-- "${paths[@]}")

sarif=${OAML_SARIF:-openai-model-lint.sarif}
node "$OAML_CLI" "${args[@]}" > "$sarif"
status=$?

if [ "$status" -le 1 ]; then
  node "$(dirname "$0")/sarif-summary.mjs" "$sarif"
  output sarif-file "$sarif"
else
  # bad usage or an unusable project file: the reason is on stderr above, there is no SARIF
  rm -f "$sarif"
fi
if [ "$fail_level" = never ] && [ "$status" -eq 1 ]; then status=0; fi
output exit-code "$status"
