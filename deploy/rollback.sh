#!/usr/bin/env bash
# Switches the kiosk back to the bundle it ran before the last update, in one command
# (`courtkiosk-rollback` on a terminal), and restarts the service. Running it again switches forward
# again: `current` and `previous` trade places, each link replaced atomically.
#
#   rollback.sh [--root DIR]
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
if [ "${1:-}" = "--root" ]; then
  ROOT="$2"
fi
# shellcheck source=deploy/common.sh
. "$here/common.sh"

lock_deployment
current="$(link_target current)"
previous="$(link_target previous)"
if [ -z "$previous" ] || [ ! -x "$OPT/$previous/courtkiosk" ]; then
  echo "rollback: no previous bundle to go back to (current: ${current:-none})" >&2
  exit 1
fi
point_link current "$previous"
point_link previous "$current"
echo "rollback: current -> $previous (previous -> $current)"
restart_service
