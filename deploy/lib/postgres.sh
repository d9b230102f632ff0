#!/usr/bin/env bash
# A throwaway PostgreSQL cluster (Debian package) in a folder, on loopback only.
# Sourced by .ci/run and deploy/local-cluster.sh:
#   postgres_install; postgres_start DIR PORT; postgres_stop DIR
# initdb refuses to run as root, hence runuser; trust authentication is safe because the
# server listens on 127.0.0.1 only and its socket sits in the private folder.

postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$bin"
}

postgres_install() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    local sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    # The Debian package creates a cluster "main" but no service runs here; ours lives in a temp folder.
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
  local dir=$1 port=$2 bin
  bin=$(postgres_bin)
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
  as_postgres "$bin/initdb" -D "$dir/db" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  # max_connections: two app nodes, a worker and the test hosts each keep a pool.
  as_postgres "$bin/pg_ctl" -D "$dir/db" -l "$dir/postgres.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" >/dev/null
}

postgres_stop() {
  local dir=$1 bin
  bin=$(postgres_bin) || return 0
  [ -f "$dir/db/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir/db" -m fast -w stop >/dev/null || true
}
