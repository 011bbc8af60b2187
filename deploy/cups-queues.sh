#!/usr/bin/env bash
# Creates or updates the kiosk's CUPS queues from printers.conf, so a terminal's printers are set up by
# the same file on every reinstall. lpadmin overwrites a queue's settings in place: running this
# twice leaves the same queues and files. Queues not in the file are left alone (staff may add their own).
#
# Usage: cups-queues.sh [PRINTERS_CONF]   (default /etc/courtkiosk/printers.conf)
set -euo pipefail

conf="${1:-/etc/courtkiosk/printers.conf}"

# lpstat -r exits 0 either way: its (untranslated, with LC_ALL=C) answer says whether one is running.
scheduler_running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q '^scheduler is running'; }

if ! scheduler_running; then
  # No scheduler answering: nothing can be set up now; install.sh reports it and carries on.
  echo "cups-queues: the CUPS scheduler is not running; queues not set up" >&2
  exit 3
fi

# A printed complaint carries the parties' names and ID numbers: CUPS must not keep the job's file
# once it is printed (its default keeps it for a day). cupsctl restarts the scheduler, so only when
# the setting is not in effect yet, and then the queues wait for the scheduler to be back.
if ! cupsctl | grep -qx 'PreserveJobFiles=No'; then
  cupsctl PreserveJobFiles=No
  sleep 1  # the scheduler answers first, then restarts
  for _ in $(seq 50); do scheduler_running && break; sleep 0.2; done
fi

while read -r name uri model options; do
  case "$name" in ''|'#'*) continue ;; esac
  args=(-p "$name" -E -v "$uri")
  # The model is given only to a new queue: lpadmin -m on an existing one installs the PPD again and
  # leaves the old copy as a .ppd.O backup. To change a model, delete the queue (lpadmin -x NAME) first.
  if ! lpstat -p "$name" >/dev/null 2>&1; then
    args+=(-m "$model")
  fi
  for option in $options; do
    args+=(-o "$option")
  done
  lpadmin "${args[@]}"
  # A kiosk prints on its own: jobs never wait for an operator to release them, errors retry.
  lpadmin -p "$name" -o printer-error-policy=retry-job -o printer-is-shared=false
  cupsenable "$name"
  cupsaccept "$name"
  echo "cups-queues: $name -> $uri ($model)"
done < "$conf"
