#!/usr/bin/env bash
# Starts or stops a private RabbitMQ node from Debian's rabbitmq-server package: no Docker, no system
# service, its own node name, loopback ports and data folder, the management UI on.
#
#   rabbitmq.sh start DIR [AMQP_PORT [MANAGEMENT_PORT]]   starts the node; prints its connection
#   rabbitmq.sh stop DIR                                   stops it; DIR keeps its data
#
# Ports default to free ones. The user is "threerc" with a random password; the connection is written
# to DIR/connection.env as KEY=VALUE lines. Starting again on the same DIR restarts the same node with
# the same ports, password and messages.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
command="$1"; dir="$(mkdir -p "$2" && cd "$2" && pwd)"
rabbit_bin=/usr/lib/rabbitmq/bin

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

configure() {
  local amqp_port="${1:-$(free_port)}" management_port="${2:-$(free_port)}"
  local password; password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  mkdir -p "$dir/mnesia" "$dir/log"
  cat > "$dir/node.env" <<ENV
RABBITMQ_NODENAME=threerc-$(basename "$dir" | tr -c 'a-zA-Z0-9\n' '-')-$$@localhost
RABBITMQ_NODE_PORT=$amqp_port
RABBITMQ_DIST_PORT=$(free_port)
ERL_EPMD_PORT=$(free_port)
ENV
  : > "$dir/rabbitmq-env.conf"
  echo '[rabbitmq_management].' > "$dir/enabled_plugins"
  cat > "$dir/rabbitmq.conf" <<CONF
default_user = threerc
default_pass = $password
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $management_port
log.file.level = warning
CONF
  cat > "$dir/connection.env" <<CONN
RABBITMQ_HOST=127.0.0.1
RABBITMQ_PORT=$amqp_port
RABBITMQ_MANAGEMENT_PORT=$management_port
RABBITMQ_USER=threerc
RABBITMQ_PASSWORD=$password
CONN
}

node_env() {
  # shellcheck disable=SC1091
  source "$dir/node.env"
  export HOME="$dir" RABBITMQ_NODENAME RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT \
    RABBITMQ_DIST_PORT ERL_EPMD_PORT ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_MNESIA_BASE="$dir/mnesia" \
    RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins-expand"
}

start() {
  [ -x "$rabbit_bin/rabbitmq-server" ] || { echo "rabbitmq-server is not installed (apt-get install rabbitmq-server)" >&2; exit 1; }
  [ -f "$dir/node.env" ] || configure "$@"
  node_env
  setsid "$rabbit_bin/rabbitmq-server" >> "$dir/log/console.log" 2>&1 < /dev/null &
  if ! timeout 90 "$rabbit_bin/rabbitmqctl" -q wait --timeout 90 "$RABBITMQ_PID_FILE" > /dev/null 2>&1; then
    echo "RabbitMQ did not start; its logs are in $dir/log" >&2; tail -20 "$dir/log/console.log" >&2
    stop; exit 1
  fi
  cat "$dir/connection.env"
}

stop() {
  [ -f "$dir/node.env" ] || return 0
  node_env
  if [ -f "$RABBITMQ_PID_FILE" ]; then
    local pid; pid="$(cat "$RABBITMQ_PID_FILE")"
    timeout 30 "$rabbit_bin/rabbitmqctl" -q stop "$RABBITMQ_PID_FILE" > /dev/null 2>&1 || kill -9 "$pid" 2> /dev/null || true
    rm -f "$RABBITMQ_PID_FILE"
  fi
  epmd -port "$ERL_EPMD_PORT" -kill > /dev/null 2>&1 || true
}

case "$command" in
  start) shift 2; start "$@" ;;
  stop) stop ;;
  *) usage ;;
esac
