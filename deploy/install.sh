#!/usr/bin/env bash
# Installs or updates the kiosk on a Debian 12 terminal, idempotently: running it twice leaves the same
# state. It is shipped inside the bundle (dist/courtkiosk/deploy/install.sh) and installs that bundle.
#
#   install.sh [--root DIR] [--no-apt] [--no-self-test] [BUNDLE_DIR]
#
# - Debian packages the bundle relies on (X, Mesa, CUPS, espeak-ng, zinnia, Xvfb for the self-test).
# - The unprivileged `kiosk` user, with the groups udev gives the devices to.
# - The bundle in /opt/courtkiosk/<version>-<commit>, beside the running one. It must pass its own
#   `--self-test` with this terminal's configuration before `current` is switched to it; a bundle that
#   fails is removed and the running kiosk is left alone. The replaced bundle stays as `previous`
#   (deploy/rollback.sh switches back); older ones are deleted.
# - The systemd service, the udev rules, a configuration and printer list if there are none, and the
#   CUPS queues from /etc/courtkiosk/printers.conf.
#
# --root DIR prepares a system image in DIR instead of the running system (no systemd, no udev, files
# owned by the caller when not root). --no-self-test is for images built where no display can start.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apt=1
self_test=1
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT="$2"; shift 2 ;;
    --no-apt) apt=0; shift ;;
    --no-self-test) self_test=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) bundle="$1"; shift ;;
  esac
done
# shellcheck source=deploy/common.sh
. "$here/common.sh"
bundle="$(cd "${bundle:-$here/..}" && pwd)"

# What the bundle loads from the system rather than carrying: the X server and Mesa (GL drivers must
# match the machine), CUPS, espeak-ng and its voices, the handwriting recognizer and its model, ALSA's
# tools (playback, headphone jack), and Xvfb, on which the self-test renders away from the panel.
RUNTIME_PACKAGES=(
  xserver-xorg-core xserver-xorg-input-libinput xinit x11-xserver-utils xvfb xauth
  libgl1 libgl1-mesa-dri libegl1 libmtdev1 fontconfig
  cups cups-client cups-bsd libcups2
  libespeak-ng1 espeak-ng-data alsa-utils
  libzinnia0 tegaki-zinnia-simplified-chinese
)

log() { echo "install: $*"; }

install_packages() {
  local missing=() pkg
  for pkg in "${RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The kiosk user exists only on the real system (or an image entered with chroot), where its groups
# give it the ID reader (dialout), the scanner (input), the camera (video) and sound (audio).
create_user() {
  [ "$(id -u)" -eq 0 ] && [ -z "$ROOT" ] || return 0
  if ! getent passwd "$KIOSK_USER" >/dev/null; then
    useradd --system --home-dir "$KIOSK_HOME" --create-home --shell /usr/sbin/nologin \
      --comment "court self-service kiosk" "$KIOSK_USER"
  fi
  usermod -a -G dialout,input,video,audio "$KIOSK_USER"
  install -d -m 0750 -o "$KIOSK_USER" -g "$KIOSK_USER" "$KIOSK_HOME"
}

# The first configuration, with this terminal's own outbox key (32 random bytes, urlsafe base64): it
# holds secrets, so only root and the kiosk user may read it.
install_config() {
  local config="$1" key
  key="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_')"
  sed "s|@OUTBOX_KEY@|$key|" "$bundle/deploy/kiosk.toml" > "$config.new"
  chmod 0640 "$config.new"
  if getent group "$KIOSK_USER" >/dev/null && [ "$(id -u)" -eq 0 ] && [ -z "$ROOT" ]; then
    chgrp "$KIOSK_USER" "$config.new"
  fi
  mv -T "$config.new" "$config"
}

# Files we own are overwritten on every install; files staff edit (configuration, printers) only
# appear when missing.
install_files() {
  install -D -m 0644 "$bundle/deploy/courtkiosk.service" "$ROOT/etc/systemd/system/courtkiosk.service"
  install -D -m 0644 "$bundle/deploy/udev/60-courtkiosk.rules" "$ROOT/etc/udev/rules.d/60-courtkiosk.rules"
  install -d -m 0755 "$ROOT/etc/courtkiosk" "$ROOT/usr/local/sbin"
  [ -e "$ROOT/etc/courtkiosk/kiosk.toml" ] || install_config "$ROOT/etc/courtkiosk/kiosk.toml"
  [ -e "$ROOT/etc/courtkiosk/printers.conf" ] || install -m 0644 "$bundle/deploy/printers.conf" "$ROOT/etc/courtkiosk/printers.conf"
  # Stable command names for staff, following whichever bundle is current.
  ln -sfn /opt/courtkiosk/current/deploy/rollback.sh "$ROOT/usr/local/sbin/courtkiosk-rollback"
  ln -sfn /opt/courtkiosk/current/courtkiosk "$ROOT/usr/local/sbin/courtkiosk"
  ln -sfn /opt/courtkiosk/current/deploy/cups-queues.sh "$ROOT/usr/local/sbin/courtkiosk-printers"
}

# Run the bundle's self-test as the kiosk would run (its user, its configuration), so it also builds
# the kiosk user's pinyin lexicon cache before the first visitor needs it.
run_self_test() {
  local dir="$1" config="$ROOT/etc/courtkiosk/kiosk.toml"
  if [ "$(id -u)" -eq 0 ] && [ -z "$ROOT" ]; then
    runuser -u "$KIOSK_USER" -- env -i HOME="$KIOSK_HOME" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      "$dir/courtkiosk" --config "$config" --self-test
  else
    "$dir/courtkiosk" --config "$config" --self-test
  fi
}

# Copy the bundle beside the others (a copy interrupted half-way is never taken for a bundle).
# Sets `staged` when this run put it there, so only such a copy is removed when it fails.
staged=0
stage_bundle() {
  local name="$1" target="$OPT/$1"
  if [ -d "$target" ]; then
    if ! diff -rq --no-dereference "$bundle" "$target" >/dev/null; then
      echo "install: $target exists with different content; a build must not be reused under its name" >&2
      exit 1
    fi
    return
  fi
  rm -rf "$target.partial"
  cp -a "$bundle" "$target.partial"
  mv -T "$target.partial" "$target"
  staged=1
}

switch_to() {
  local name="$1" current
  current="$(link_target current)"
  if [ "$current" = "$name" ]; then
    log "$name is already current"
    return 1
  fi
  if [ "$self_test" -eq 1 ]; then
    log "self-test of $name"
    if ! run_self_test "$OPT/$name"; then
      echo "install: $name failed its self-test; staying on ${current:-nothing}" >&2
      if [ "$staged" -eq 1 ]; then rm -rf "${OPT:?}/$name"; fi
      exit 1
    fi
  fi
  if [ -n "$current" ]; then
    point_link previous "$current"
  fi
  point_link current "$name"
  log "current -> $name${current:+ (previous -> $current)}"
}

# Keep the current and previous bundles; each is a few hundred MiB.
prune_bundles() {
  local keep_current keep_previous dir
  keep_current="$(link_target current)"
  keep_previous="$(link_target previous)"
  for dir in "$OPT"/*; do
    [ -d "$dir" ] && [ ! -L "$dir" ] || continue
    dir="$(basename "$dir")"
    [ "$dir" = "$keep_current" ] || [ "$dir" = "$keep_previous" ] || rm -rf "${OPT:?}/$dir"
  done
}

set_up_printers() {
  if [ -n "$ROOT" ] || ! command -v lpadmin >/dev/null; then
    return
  fi
  "$bundle/deploy/cups-queues.sh" "$ROOT/etc/courtkiosk/printers.conf" \
    || log "printer queues not set up (exit $?): run courtkiosk-printers once CUPS runs"
}

# Enabling works offline (it only makes symlinks), so an image or chroot gets an enabled service too.
activate() {
  if command -v systemctl >/dev/null; then
    systemctl --root="${ROOT:-/}" enable courtkiosk.service >/dev/null 2>&1 \
      && systemctl --root="${ROOT:-/}" set-default graphical.target >/dev/null 2>&1 \
      || log "service not enabled: no systemd units in ${ROOT:-/}"
  fi
  on_live_system || return 0
  udevadm control --reload
  udevadm trigger --subsystem-match=tty --subsystem-match=input --subsystem-match=video4linux
  systemctl daemon-reload
}

if [ ! -f "$bundle/BUILD" ] || [ ! -x "$bundle/courtkiosk" ]; then
  echo "install: $bundle is not a courtkiosk bundle (no BUILD or courtkiosk executable)" >&2
  exit 2
fi
name="$(sed -n 's/^name=//p' "$bundle/BUILD")"

if [ "$apt" -eq 1 ] && [ "$(id -u)" -eq 0 ] && [ -z "$ROOT" ]; then
  install_packages
fi
lock_deployment
create_user
install_files
set_up_printers
stage_bundle "$name"
activate
if switch_to "$name"; then
  prune_bundles
  restart_service
fi
log "done: $(link_target current) is current"
