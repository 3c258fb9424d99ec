#!/usr/bin/env bash
# The system packages the whole test suite needs, beyond what pip installs:
#   chromium            browser-facing tests (Playwright drives Debian's /usr/bin/chromium)
#   raptor2-utils       rapper, an independent RDF parser the exports must satisfy
#   fonts-wqy-microhei  a CJK font, so screenshots and charts show Chinese, not boxes
#   openssl             self-signed certificates for the HTTPS tests of push/query --endpoint
# Debian/Ubuntu (apt-get); run as root or with sudo. Installs only what is missing.
# Without them the tests that need them skip, each with its reason in the summary (-rs);
# .ci/run sets MZGRAPH_REQUIRE_ALL=1, which turns such skips into failures.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup-test-system: chromium, rapper, the CJK font and openssl are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-system: install ${need[*]} with your system's package manager" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup-test-system: run as root to install ${need[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup-test-system: installing ${need[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
