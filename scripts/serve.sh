#!/usr/bin/env bash
# Sets up what is missing, builds the release app with Trunk and serves dist/ on
# http://127.0.0.1:8080 (PORT overrides the port) with the headers the build asks for
# (dist/_headers, scripts/serve-dist.py). Stop with Ctrl-C.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
port=${PORT:-8080}

bash scripts/setup.sh --build
bash scripts/build-page.sh
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is already in use: stop that server or run PORT=8081 $0" >&2
  exit 1
fi
echo
echo "cert-preflight is served on http://127.0.0.1:$port/ (Ctrl-C stops it)"
exec python3 scripts/serve-dist.py "$port" --bind 127.0.0.1 --directory dist
