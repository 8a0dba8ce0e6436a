# Sourced by scripts/run and scripts/test: installs what a fresh machine lacks (Debian packages).
# PostgreSQL's server binaries run the embedded and test clusters; Chromium runs the browser tests.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    echo "Installing PostgreSQL server…"
    apt_install postgresql
  fi
  # As root, the cluster runs as the 'postgres' system user (initdb refuses root).
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    apt_install postgresql
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium…"
    apt_install chromium fonts-liberation
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2
    exit 1
  fi
}
