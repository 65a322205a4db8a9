# Provisioning shared by ./run and ./test: installs PostgreSQL and Redis from Debian's
# packages when absent, and starts private instances on loopback with their data under
# the repository's git-ignored .data folder. Sourced, not executed.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; return 1; fi
}

# ensure_packages [chromium]
ensure_packages() {
  local wanted=()
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || wanted+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || wanted+=(redis-server)
  if [ "${1:-}" = chromium ]; then command -v chromium >/dev/null 2>&1 || wanted+=(chromium); fi
  command -v curl >/dev/null 2>&1 || wanted+=(curl)
  if [ ${#wanted[@]} -gt 0 ]; then
    echo "Installing from Debian: ${wanted[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
  fi
  # Debian's package starts its own cluster and Redis on the default ports; we use our own
  # instances, so leave those alone.
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

# PostgreSQL refuses to run as root, so under root the cluster belongs to 'postgres'.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_postgres DIR PORT — cluster in DIR, on 127.0.0.1:PORT, database and role 'switchboard'.
start_postgres() {
  local dir port=$2 bin; dir=$(realpath -m "$1"); bin=$(pg_bin)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg_owner "$bin/initdb" -D "$dir" -U switchboard --auth=trust -E UTF8 >/dev/null
  fi
  if ! as_pg_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_pg_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c max_connections=400 -c shared_buffers=256MB -c fsync=on" >/dev/null
  fi
  "$bin/psql" -h 127.0.0.1 -p "$port" -U switchboard -d postgres -tAc \
    "select 1 from pg_database where datname = 'switchboard'" | grep -q 1 ||
    "$bin/psql" -h 127.0.0.1 -p "$port" -U switchboard -d postgres -qc "create database switchboard" >/dev/null
}

stop_postgres() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] && as_pg_owner "$(pg_bin)/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# start_redis DIR PORT
start_redis() {
  local dir port=$2; dir=$(realpath -m "$1")
  mkdir -p "$dir"
  if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' --appendonly no >/dev/null
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "Redis did not start on port $port; see $dir/redis.log" >&2; return 1
  fi
}

stop_redis() {
  local port=$1
  redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
}

# wait_http URL SECONDS
wait_http() {
  local url=$1 seconds=${2:-60} i
  for i in $(seq 1 $((seconds * 10))); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for $url" >&2; return 1
}

# Node.js and npm build the web console; Debian's nodejs is used when none is installed.
ensure_node() {
  command -v npm >/dev/null 2>&1 && return 0
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
}
