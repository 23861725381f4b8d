#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the database tests and prints
#   export BRANCH_DEPLOY_TEST_DATABASE_URL=postgresql://postgres:PASSWORD@127.0.0.1:PORT/postgres
# on stdout (everything else goes to stderr), so that callers can `eval "$(.ci/postgres.sh)"`.
#
# Idempotent: installs Debian's postgresql package only if no server binaries are present, and
# reuses a cluster that this script started before (same directory) if it is still running.
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
#
#   BRANCH_DEPLOY_PG_DIR   where the cluster lives (default /tmp/branch-deploy-postgres)
#   BRANCH_DEPLOY_PG_PORT  first port to try (default 55432; the next free one is used)
set -euo pipefail

dir="${BRANCH_DEPLOY_PG_DIR:-/tmp/branch-deploy-postgres}"
first_port="${BRANCH_DEPLOY_PG_PORT:-55432}"

log() { echo "postgres.sh: $*" >&2; }

server_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(server_bin)" ]; then
  log "installing Debian's postgresql package"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  # The package would start its own cluster on 5432; only the binaries are needed.
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >&2
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2
fi
bin="$(server_bin)"

# Run a command as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
chmod 700 "$dir"

if [ ! -f "$dir/data/PG_VERSION" ]; then
  log "creating a cluster in $dir/data"
  password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  as_owner bash -c "umask 077; printf '%s' '$password' > '$dir/password'"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/password" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
fi
password="$(as_owner cat "$dir/password")"

if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  port="$(as_owner cat "$dir/port")"
  log "reusing the cluster running on 127.0.0.1:$port"
else
  port="$first_port"
  while port_in_use "$port"; do port=$((port + 1)); done
  as_owner bash -c "printf '%s' '$port' > '$dir/port'"
  log "starting the cluster on 127.0.0.1:$port"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir" >/dev/null
fi

echo "export BRANCH_DEPLOY_TEST_DATABASE_URL=postgresql://postgres:$password@127.0.0.1:$port/postgres"
