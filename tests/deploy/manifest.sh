#!/usr/bin/env bash
# Prints a manifest of a system's state (path, type, mode, owner, symlink target or content digest) to
# compare two runs of install.sh. Left out: kernel and runtime trees, logs and caches, and CUPS' own
# state files, which the scheduler rewrites with timestamps; the queues are listed with lpstat instead.
#
#   manifest.sh ROOT
set -euo pipefail

root="${1%/}"
cd "$root"
find . -xdev \
  \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./run -o -path ./tmp -o -path ./var/tmp \
     -o -path ./var/log -o -path ./var/cache -o -path ./var/spool/cups -o -path ./var/lib/apt/lists \
     -o -path './etc/cups/printers.conf*' -o -path './etc/cups/subscriptions.conf*' \
     -o -path ./opt/courtkiosk/.deploy.lock \) -prune \
  -o -printf '%p %y %m %u:%g %l\n' | sort > /tmp/manifest.$$
while read -r path type mode owner link; do
  if [ "$type" = f ]; then
    echo "$path $type $mode $owner $(sha256sum "$path" | cut -c1-16)"
  else
    echo "$path $type $mode $owner $link"
  fi
done < /tmp/manifest.$$
rm -f /tmp/manifest.$$
if command -v lpstat >/dev/null && [ "$root" = "" ]; then
  lpstat -v 2>/dev/null | sort
fi
