#!/usr/bin/env bash
# Gradescope runs this once, as root, in /autograder/source, while it builds the grading image (an
# Ubuntu image without Node 20). It installs only what is missing, so running it again changes nothing:
# Node (>= 20.11) from nodejs.org, Python 3 from apt, then the lab's packages from its lock file.
set -euo pipefail
cd "$(dirname "$0")"
NODE_VERSION=20.19.5

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 11) ? 0 : 1)'
}

if ! node_ok; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "setup.sh: Node has no Linux build for $(uname -m)" >&2; exit 1 ;;
  esac
  if ! command -v curl >/dev/null 2>&1 || ! command -v xz >/dev/null 2>&1; then
    apt-get update && apt-get install -y --no-install-recommends ca-certificates curl xz-utils
  fi
  mkdir -p /opt/node
  curl -fsSL "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$arch.tar.xz" |
    tar -xJ -C /opt/node --strip-components=1
  ln -sf /opt/node/bin/node /opt/node/bin/npm /opt/node/bin/npx /usr/local/bin/
fi

if ! command -v python3 >/dev/null 2>&1; then
  apt-get update && apt-get install -y --no-install-recommends python3
fi

npm ci --omit=dev --no-audit --no-fund --prefer-offline
# The grader's bundle is built now, once, and not during the first student's grade.
node grader/bundle/run.mjs grader/cli/entry.ts --help >/dev/null
echo "Socket Lab is ready: $(node --version), $(python3 --version)"
