#!/usr/bin/env bash
# The install script on a fresh Debian 12: installs the bundle into a debootstrap'ed bookworm chroot
# twice and compares the two states, then runs the service's command there by hand (systemd does not
# run in a chroot), with Xvfb in place of Xorg, and waits for the kiosk's first frame.
#
#   chroot_check.sh CHROOT BUNDLE_DIR        (as root; make the chroot with
#   debootstrap --variant=minbase bookworm CHROOT http://deb.debian.org/debian)
set -euo pipefail

chroot_dir="$(cd "$1" && pwd)"
bundle="$(cd "$2" && pwd)"
work="$(mktemp -d)"
in_chroot() { chroot "$chroot_dir" "$@"; }

# /proc, /dev and /sys for apt, X and the kiosk; taken down again whatever happens.
mounted=()
for fs in proc dev sys; do
  if ! mountpoint -q "$chroot_dir/$fs"; then
    case "$fs" in
      proc) mount -t proc proc "$chroot_dir/proc" ;;
      dev) mount --rbind /dev "$chroot_dir/dev" && mount --make-rslave "$chroot_dir/dev" ;;
      sys) mount -t sysfs sys "$chroot_dir/sys" ;;
    esac
    mounted+=("$chroot_dir/$fs")
  fi
done
cleanup() {
  if [ -f "$chroot_dir/run/cups/cupsd.pid" ]; then kill "$(cat "$chroot_dir/run/cups/cupsd.pid")" 2>/dev/null || true; fi
  for fs in "${mounted[@]}"; do umount -R "$fs"; done
  rm -rf "$work"
}
trap cleanup EXIT
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"

rm -rf "$chroot_dir/tmp/courtkiosk"
cp -a "$bundle" "$chroot_dir/tmp/courtkiosk"
cp "$(dirname "$0")/manifest.sh" "$chroot_dir/tmp/manifest.sh"

# Every CUPS client in the chroot uses the chroot's own scheduler socket, never localhost:631, which
# is the host's CUPS.
export CUPS_SERVER=/run/cups/cups.sock

# Run 0 on the bare chroot: Debian packages, user, files, self-test, switch. CUPS is installed but not
# running yet (no systemd), so the queues are left for later, as install.sh reports.
in_chroot /tmp/courtkiosk/deploy/install.sh /tmp/courtkiosk | tee "$work/install-0.log"

# A scheduler on its socket only, and two queues on unreachable printers (nothing is printed).
sed -i 's/^Listen localhost:631/# Listen localhost:631/' "$chroot_dir/etc/cups/cupsd.conf"
in_chroot /usr/sbin/cupsd
for _ in $(seq 50); do in_chroot lpstat -r >/dev/null 2>&1 && break; sleep 0.2; done
cat > "$chroot_dir/etc/courtkiosk/printers.conf" <<'CONF'
Receipt80  socket://127.0.0.1:9100  drv:///sample.drv/generic.ppd  media=Custom.80x200mm
A4Office   socket://127.0.0.1:9101  drv:///sample.drv/generic.ppd  media=iso_a4_210x297mm
CONF

# Runs 1 and 2 with CUPS up: the second must change nothing.
in_chroot /tmp/courtkiosk/deploy/install.sh /tmp/courtkiosk | tee "$work/install-1.log"
in_chroot /tmp/manifest.sh / > "$work/manifest-1"
in_chroot /tmp/courtkiosk/deploy/install.sh /tmp/courtkiosk | tee "$work/install-2.log"
in_chroot /tmp/manifest.sh / > "$work/manifest-2"
if ! diff -u "$work/manifest-1" "$work/manifest-2"; then
  echo "chroot_check: the second install changed the system" >&2
  exit 1
fi
echo "chroot_check: second install left the same state ($(wc -l < "$work/manifest-2") entries)"
if ! grep -qx "PreserveJobFiles No" "$chroot_dir/etc/cups/cupsd.conf"; then
  echo "chroot_check: CUPS keeps the files of printed jobs" >&2
  exit 1
fi
echo "chroot_check: CUPS keeps no printed job's file"

# The service's command as systemd would run it (user kiosk, its environment), Xvfb instead of Xorg.
exec_start="$(sed -n 's/^ExecStart=//p' "$chroot_dir/etc/systemd/system/courtkiosk.service")"
client="${exec_start#/usr/bin/xinit }"
client="${client%% -- *}"
timeout -s TERM 90 chroot "$chroot_dir" runuser -u kiosk -- env -i HOME=/var/lib/courtkiosk PATH=/usr/bin:/bin \
  LANG=C.UTF-8 KIOSK_CONFIG=/etc/courtkiosk/kiosk.toml \
  /usr/bin/xinit "$client" -- /usr/bin/Xvfb :7 -screen 0 1080x1920x24 -nolisten tcp > "$work/session.log" 2>&1 &
session=$!
for _ in $(seq 90); do
  grep -q "first frame drawn" "$work/session.log" && break
  kill -0 "$session" 2>/dev/null || break
  sleep 1
done
if grep -q "first frame drawn" "$work/session.log"; then
  echo "chroot_check: the service's command drew the kiosk's first frame"
  grep -E "first frame|screen|out of service" "$work/session.log" | head -5
  kill "$session" 2>/dev/null || true
  wait "$session" || true
else
  cat "$work/session.log" >&2
  echo "chroot_check: the kiosk did not draw its first frame" >&2
  exit 1
fi
