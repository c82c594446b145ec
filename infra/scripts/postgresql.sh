#!/usr/bin/env bash
# Starts or stops a private PostgreSQL server from Debian's postgresql package: no Docker, no system service,
# its own data folder, a loopback port and a Unix socket in DIR.
#
#   postgresql.sh start DIR [PORT]   starts the server; prints its connection
#   postgresql.sh stop DIR           stops it; DIR keeps its data
#
# The port defaults to a free one. The user "threerc" (the server's superuser, a random password, scram-sha-256 on
# loopback) owns the database "threerc"; the connection is written to DIR/connection.env as KEY=VALUE lines, with
# POSTGRES_CONNECTION_STRING for Storage:ConnectionString. Starting again on the same DIR restarts the same server
# with the same port, password and data. Run as root, the server runs as the postgres user. With OWNER_PID set,
# the server is stopped when that process ends, however it ends (a test run that was killed); with DISCARD=1 too,
# DIR is removed then (a test run's server, whose data nobody needs afterwards).
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
command="$1"; dir="$(mkdir -p "$2" && cd "$2" && pwd)"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

configure() {
  local port="${1:-$(free_port)}"
  local password; password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
  umask 077
  printf '%s\n' "$password" > "$dir/password"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir/password"
  as_server "$pg_bin/initdb" -D "$dir/data" -U threerc --pwfile="$dir/password" --auth-local=scram-sha-256 \
    --auth-host=scram-sha-256 --locale=C.UTF-8 --encoding=UTF8 > "$dir/initdb.log" 2>&1 \
    || { echo "initdb failed; see $dir/initdb.log" >&2; tail -5 "$dir/initdb.log" >&2; exit 1; }
  cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
CONF
  cat > "$dir/connection.env" <<CONN
POSTGRES_HOST=127.0.0.1
POSTGRES_PORT=$port
POSTGRES_USER=threerc
POSTGRES_PASSWORD=$password
POSTGRES_DATABASE=threerc
POSTGRES_CONNECTION_STRING=Host=127.0.0.1;Port=$port;Database=threerc;Username=threerc;Password=$password
CONN
}

start() {
  [ -n "$pg_bin" ] && [ -x "$pg_bin/pg_ctl" ] || { echo "postgresql is not installed (apt-get install postgresql)" >&2; exit 1; }
  local fresh=0
  [ -f "$dir/connection.env" ] || { configure "$@"; fresh=1; }
  # shellcheck disable=SC1091
  source "$dir/connection.env"
  if ! as_server "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null; then
    echo "PostgreSQL did not start; its log is $dir/server.log" >&2; tail -20 "$dir/server.log" >&2; exit 1
  fi
  if [ "$fresh" -eq 1 ]; then
    PGPASSWORD="$POSTGRES_PASSWORD" "$pg_bin/createdb" -h 127.0.0.1 -p "$POSTGRES_PORT" -U threerc threerc
  fi
  if [ -n "${OWNER_PID:-}" ]; then
    (while kill -0 "$OWNER_PID" 2> /dev/null; do sleep 2; done; stop; [ "${DISCARD:-0}" != 1 ] || rm -rf "$dir") \
      > /dev/null 2>&1 < /dev/null &
    disown
  fi
  cat "$dir/connection.env"
}

stop() {
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_server "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop > /dev/null 2>&1 \
    || kill -9 "$(head -1 "$dir/data/postmaster.pid")" 2> /dev/null || true
}

case "$command" in
  start) shift 2; start "$@" ;;
  stop) stop ;;
  *) usage ;;
esac
