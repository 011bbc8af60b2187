# Shared by install.sh and rollback.sh (sourced, not run): where things live under a target root and
# how the `current` bundle is switched. ROOT is "/" on a terminal, a directory in tests and image builds.

ROOT="${ROOT:-/}"
ROOT="${ROOT%/}"
KIOSK_USER=kiosk
KIOSK_HOME=/var/lib/courtkiosk
OPT="$ROOT/opt/courtkiosk"

# Only one install or rollback at a time: two switching `current` at once could leave `previous`
# pointing at the bundle in use.
lock_deployment() {
  mkdir -p "$OPT"
  exec 9>"$OPT/.deploy.lock"
  flock 9
}

# Point the symlink $1 (current or previous) at bundle directory name $2, atomically: a new link is
# made beside it and renamed over it (rename(2) via `mv -T`), so the service never sees no link.
point_link() {
  local link="$OPT/$1" target="$2"
  ln -sfn "$target" "$link.new"
  mv -T "$link.new" "$link"
}

# The bundle name a link points at, or nothing.
link_target() {
  if [ -L "$OPT/$1" ]; then readlink "$OPT/$1"; fi
}

# systemd and udev act only on the running system, never on a directory being prepared.
on_live_system() {
  [ -z "$ROOT" ] && [ -d /run/systemd/system ]
}

restart_service() {
  if on_live_system; then
    systemctl daemon-reload
    systemctl restart courtkiosk.service
  fi
}
