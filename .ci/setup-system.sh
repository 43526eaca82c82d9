#!/usr/bin/env bash
# What Folio needs from the system, from Debian's or Ubuntu's archive: a browser for the PDF,
# Java and W3C EPUBCheck, poppler and qpdf for the release checks, Ghostscript for the press PDFs, git to date the build.
# The one set-up of every place Folio is built: .ci/run (CI), action.yml (GitHub runners and
# containers) and the Dockerfile (the image). It installs only what is missing.
#   FOLIO_SETUP_DRY_RUN=1  print the packages it would install, install nothing
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

need=()
if ! { have chromium || have chromium-browser || have google-chrome || have google-chrome-stable || [ -x "${PUPPETEER_EXECUTABLE_PATH:-/nonexistent}" ]; }; then
  need+=(chromium)
fi
[ -f "${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}" ] || need+=(epubcheck)
have java || need+=(default-jre-headless)
have pdfinfo || need+=(poppler-utils)
have qpdf || need+=(qpdf)
have gs || need+=(ghostscript)
have git || need+=(git)
[ -d /etc/ssl/certs ] && [ -n "$(ls -A /etc/ssl/certs 2>/dev/null)" ] || need+=(ca-certificates)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup-system: everything Folio needs is installed"
  exit 0
fi
echo "setup-system: installing ${need[*]}"
[ -n "${FOLIO_SETUP_DRY_RUN:-}" ] && exit 0
if ! have apt-get; then
  echo "setup-system: no apt-get here: install ${need[*]} yourself (\`npx folio doctor\` says how)" >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
