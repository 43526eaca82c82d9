#!/usr/bin/env bash
# The build step of action.yml, runnable anywhere: checks the book, then builds its editions or,
# with INPUT_RELEASE=true, its release; writes `dir` (the folder to upload) to $GITHUB_OUTPUT.
#   INPUT_MANUSCRIPT  the book's folder (default: Folio's own: the current folder when it holds book.yaml, else manuscript/)
#   INPUT_FORMATS     editions to build (default html,epub,pdf; a release builds all three)
#   INPUT_RELEASE     true: `folio release` into INPUT_OUT (default dist/release)
#   INPUT_OUT         output folder (default dist, or dist/release)
#   INPUT_PAGES       true: also name in `pages-dir` the folder to publish on GitHub Pages: the release folder
#                     (release page, editions, site/), or without a release the site (built even if not in INPUT_FORMATS)
# Folio is the book's own (node_modules/.bin/folio), else this checkout's (when the action runs
# on Folio's repository), else the package of the action's version.
set -euo pipefail
action_dir="$(cd "$(dirname "$0")/.." && pwd)"

if [ -x node_modules/.bin/folio ]; then
  folio=(node_modules/.bin/folio)
elif [ -f "$action_dir/scripts/cli.ts" ] && [ "$(pwd -P)" = "$(cd "$action_dir" && pwd -P)" ]; then
  folio=(node "$action_dir/bin/folio.js")
else
  version="$(node -p "require('$action_dir/package.json').version")"
  folio=(npx --yes "folio-press@$version")
fi

manuscript=()
[ -n "${INPUT_MANUSCRIPT:-}" ] && manuscript=(--manuscript "$INPUT_MANUSCRIPT")

"${folio[@]}" check "${manuscript[@]}"
if [ "${INPUT_RELEASE:-false}" = "true" ]; then
  out="${INPUT_OUT:-dist/release}"
  "${folio[@]}" release "${manuscript[@]}" --out "$out"
  if [ "${GITHUB_REF_TYPE:-}" = "tag" ]; then
    version="$(node -p "require(require('path').resolve('$out/manifest.json')).book.version")"
    [ "v$version" = "$GITHUB_REF_NAME" ] || { echo "::error::tag $GITHUB_REF_NAME does not match book.yaml's version $version: tag v$version, or change version:"; exit 1; }
  fi
  (cd "$out" && sha256sum --check --strict --quiet SHA256SUMS)
  tar -czf "$out/validation-reports.tar.gz" -C "$out" reports
  pages="$out"
else
  out="${INPUT_OUT:-dist}"
  formats="${INPUT_FORMATS:-html,epub,pdf}"
  if [ "${INPUT_PAGES:-false}" = "true" ] && [[ ",$formats," != *",site,"* ]]; then formats="$formats,site"; fi
  "${folio[@]}" build "${manuscript[@]}" --out "$out" --format "$formats"
  pages="$out/site"
fi
echo "dir=$out" >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "${INPUT_PAGES:-false}" = "true" ]; then
  [ -f "$pages/index.html" ] || { echo "::error::nothing to publish on GitHub Pages: $pages/index.html is missing"; exit 1; }
  echo "pages-dir=$pages" >> "${GITHUB_OUTPUT:-/dev/null}"
fi
