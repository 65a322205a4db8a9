#!/usr/bin/env bash
# Builds the agent console (src/Web, TypeScript + Vite) into the Api's wwwroot/app.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f src/Web/package.json ] || exit 0
# For backend-only iteration: SKIP_WEB_BUILD=1 serves whatever wwwroot already holds.
[ "${SKIP_WEB_BUILD:-0}" = 1 ] && exit 0
source scripts/servers.sh
ensure_node
cd src/Web
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
