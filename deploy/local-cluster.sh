#!/usr/bin/env bash
# The production shape of docker-compose.yml without Docker, on one machine, all on loopback:
# PostgreSQL (Debian package), the one migrate step, two web nodes without a Hangfire server,
# one worker that alone runs it, nginx in front, all from the published app.
#
#   deploy/local-cluster.sh up            publish, start everything, wait until it answers
#   deploy/local-cluster.sh down          stop everything and delete the cluster's folder
#   deploy/local-cluster.sh stop NODE [SIGNAL]   stop one of web-1, web-2, worker (e.g. KILL)
#   deploy/local-cluster.sh start NODE    start it again
#   deploy/local-cluster.sh status
#
# Settings (environment):
#   PLANMANAGER_CLUSTER_DIR    its folder (default /tmp/planmanager-cluster)
#   PLANMANAGER_CLUSTER_PORT   nginx's port (default 18080); web-1 +1, web-2 +2, worker +3,
#                              the sandbox +4, PostgreSQL +5
#   PLANMANAGER_APP            an app folder published already (default: publish into the folder)
#   PLANMANAGER_PLATFORMS_URL  the platforms' root, with caps/, audatex-uk/, claims360/ and
#                              informex/ under it (default: the app's sandbox, its own process)
#   PLANMANAGER_CLUSTER_DEMO=1 the migrate step also seeds the demo users and connectors
#   PLANMANAGER_CLUSTER_SETTINGS  a file of extra Section__Key=value lines for every node
# Needs root (or sudo) once to install postgresql and nginx from Debian.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/postgres.sh
. "$repo/deploy/lib/postgres.sh"

dir=${PLANMANAGER_CLUSTER_DIR:-/tmp/planmanager-cluster}
base=${PLANMANAGER_CLUSTER_PORT:-18080}
pg_port=$((base + 5))
sandbox_port=$((base + 4))
declare -A node_port=([web-1]=$((base + 1)) [web-2]=$((base + 2)) [worker]=$((base + 3)))
declare -A node_server=([web-1]=false [web-2]=false [worker]=true)
connection="Host=127.0.0.1;Port=$pg_port;Database=planmanager;Username=postgres"
app=${PLANMANAGER_APP:-$dir/app}
platforms=${PLANMANAGER_PLATFORMS_URL:-http://127.0.0.1:$sandbox_port/sandbox}

install_packages() {
  postgres_install
  if ! command -v nginx >/dev/null && ! [ -x /usr/sbin/nginx ]; then
    local sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nginx >/dev/null
  fi
}

publish() {
  if [ -z "${PLANMANAGER_APP:-}" ]; then
    echo "publishing the app into $app"
    dotnet publish "$repo/src/PlanManager.Web" -c Release -o "$app" -nologo -v q >"$dir/logs/publish.log"
  fi
}

# The settings every node shares (docker-compose.yml's x-app), then the node's own.
node_env() {
  local port=$1 server=$2
  # Staging, not Production: the nodes speak plain HTTP on loopback (Security__AllowPlainHttp, which
  # Production refuses); TLS is nginx's job in deploy/nginx.conf and is tested on its own there.
  echo "ASPNETCORE_ENVIRONMENT=Staging"
  echo "Security__AllowPlainHttp=true"
  echo "DataProtection__CertificatePath=$dir/run/keyring.pfx"
  echo "Urls=http://127.0.0.1:$port"
  echo "Database__Provider=PostgreSql"
  echo "Database__ConnectionString=$connection"
  echo "Database__MigrateOnStart=false"
  echo "Photos__Folder=$dir/photos"
  echo "Proxy__TrustForwardedHeaders=true"
  echo "Sandbox__Enabled=false"
  echo "Demo__Seed=false"
  echo "LogOutput__File="
  echo "Connectors__Caps__BaseUrl=$platforms/caps"
  echo "Connectors__AudatexUk__BaseUrl=$platforms/audatex-uk"
  echo "Connectors__Claims360__BaseUrl=$platforms/claims360"
  echo "Connectors__Informex__BaseUrl=$platforms/informex"
  echo "BackgroundJobs__RunServer=$server"
  if [ -n "${PLANMANAGER_CLUSTER_SETTINGS:-}" ]; then grep -v '^\s*\(#\|$\)' "$PLANMANAGER_CLUSTER_SETTINGS"; fi
}

# Starts the app in the background with the settings in ENVFILE (one Key=value a line); the
# pid goes to run/NAME.pid. exec keeps that pid the app's own, so a signal reaches the app.
launch() {
  local name=$1 envfile=$2 vars; shift 2
  mapfile -t vars <"$envfile"
  (cd "$app" && exec env -i PATH="$PATH" HOME="${HOME:-/root}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
      "${vars[@]}" dotnet PlanManager.Web.dll "$@" >>"$dir/logs/$name.log" 2>&1) &
  echo $! >"$dir/run/$name.pid"
}

wait_for() {
  local url=$1 what=$2 seconds=${3:-120}
  for _ in $(seq "$((seconds * 2))"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$what did not answer at $url within $seconds s; see $dir/logs" >&2
  return 1
}

alive() { [ -f "$dir/run/$1.pid" ] && kill -0 "$(cat "$dir/run/$1.pid")" 2>/dev/null; }

start_node() {
  local name=$1
  node_env "${node_port[$name]}" "${node_server[$name]}" >"$dir/run/$name.env"
  launch "$name" "$dir/run/$name.env"
  wait_for "http://127.0.0.1:${node_port[$name]}/healthz" "$name"
}

stop_node() {
  local name=$1 signal=${2:-TERM} pid
  alive "$name" || return 0
  pid=$(cat "$dir/run/$name.pid")
  kill "-$signal" "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" || true
  rm -f "$dir/run/$name.pid"
}

start_sandbox() {
  [ -z "${PLANMANAGER_PLATFORMS_URL:-}" ] || return 0
  # The app's built-in imitation of the four platforms, as a process of its own on its own
  # SQLite file (the sandbox is refused in Production, so this process runs as Development).
  printf '%s\n' "ASPNETCORE_ENVIRONMENT=Development" "Urls=http://127.0.0.1:$sandbox_port" \
    "Database__Provider=Sqlite" "Database__ConnectionString=Data Source=$dir/sandbox/sandbox.db" \
    "Sandbox__Enabled=true" "Demo__Seed=false" "BackgroundJobs__RunServer=false" "LogOutput__File=" >"$dir/run/sandbox.env"
  launch sandbox "$dir/run/sandbox.env"
  wait_for "http://127.0.0.1:$sandbox_port/healthz" sandbox
}

start_nginx() {
  mkdir -p "$dir/nginx/logs"
  cat >"$dir/nginx/nginx.conf" <<CONF
# deploy/nginx.conf on loopback: no stickiness, a node that refuses is skipped for the next.
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log;
events {}
http {
  access_log $dir/nginx/logs/access.log;
  client_body_temp_path $dir/nginx/body; proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fcgi; uwsgi_temp_path $dir/nginx/uwsgi; scgi_temp_path $dir/nginx/scgi;
  upstream planmanager_web {
    least_conn;
    server 127.0.0.1:${node_port[web-1]} max_fails=3 fail_timeout=15s;
    server 127.0.0.1:${node_port[web-2]} max_fails=3 fail_timeout=15s;
  }
  server {
    listen 127.0.0.1:$base;
    client_max_body_size 420m;
    location / {
      proxy_pass http://planmanager_web;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 120s;
    }
  }
}
CONF
  (exec nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx/" >>"$dir/logs/nginx.log" 2>&1) &
  echo $! >"$dir/run/nginx.pid"
  wait_for "http://127.0.0.1:$base/healthz" nginx 30
}

migrate() {
  node_env "${node_port[worker]}" false >"$dir/run/migrate.env"
  if [ "${PLANMANAGER_CLUSTER_DEMO:-0}" = 1 ]; then
    # Demo users and connectors pointed at the platforms above: refused in Production, so this one step runs as Staging.
    printf '%s\n' "ASPNETCORE_ENVIRONMENT=Staging" "Demo__Seed=true" "Demo__Jobs=0" >>"$dir/run/migrate.env"
  fi
  launch migrate "$dir/run/migrate.env" --migrate-only
  wait "$(cat "$dir/run/migrate.pid")" || { echo "the migrate step failed; see $dir/logs/migrate.log" >&2; return 1; }
  rm -f "$dir/run/migrate.pid"
}

# The certificate that encrypts the shared key ring (never in the database), made once per cluster.
keyring_certificate() {
  [ -f "$dir/run/keyring.pfx" ] && return 0
  local tmp; tmp=$(mktemp -d)
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=PlanManager local cluster key ring" \
    -keyout "$tmp/k.pem" -out "$tmp/c.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$tmp/k.pem" -in "$tmp/c.pem" -out "$dir/run/keyring.pfx" -passout pass:
  chmod 600 "$dir/run/keyring.pfx"
  rm -rf "$tmp"
}

up() {
  if [ -d "$dir/run" ]; then echo "$dir exists: run down first" >&2; exit 1; fi
  install_packages
  mkdir -p "$dir/run" "$dir/logs" "$dir/photos" "$dir/sandbox"
  keyring_certificate
  publish
  postgres_start "$dir/postgres" "$pg_port"
  start_sandbox
  migrate
  for name in web-1 web-2 worker; do start_node "$name"; done
  start_nginx
  echo "PlanManager answers at http://127.0.0.1:$base (logs in $dir/logs)"
}

down() {
  [ -d "$dir" ] || return 0
  for name in nginx web-1 web-2 worker sandbox migrate; do stop_node "$name"; done
  postgres_stop "$dir/postgres"
  rm -rf "$dir"
}

status() {
  for name in nginx web-1 web-2 worker sandbox; do
    if alive "$name"; then echo "$name: running (pid $(cat "$dir/run/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  start) start_node "${2:?start web-1|web-2|worker}" ;;
  stop) stop_node "${2:?stop web-1|web-2|worker [SIGNAL]}" "${3:-TERM}" ;;
  status) status ;;
  *) echo "usage: $0 up|down|start NODE|stop NODE [SIGNAL]|status" >&2; exit 2 ;;
esac
