#!/usr/bin/env bash
# Starts or stops a private RabbitMQ node from Debian's rabbitmq-server package: no Docker, no system
# service, its own node name, loopback ports and data folder, the management UI on.
#
#   rabbitmq.sh start DIR [AMQP_PORT [MANAGEMENT_PORT]]   starts the node; prints its connection
#   rabbitmq.sh stop DIR                                   stops it; DIR keeps its data
#   rabbitmq.sh cluster DIR                                starts a 3-node cluster, nodes in DIR/1, DIR/2, DIR/3
#   rabbitmq.sh stop-cluster DIR                           stops the three
#
# Ports default to free ones. The user is "threerc" with a random password; the connection is written
# to DIR/connection.env as KEY=VALUE lines (a cluster's adds RABBITMQ_NODES, the other nodes' host:port,
# comma-separated). Starting again on the same DIR restarts the same node with the same ports, password
# and messages; a cluster's node stopped with "stop DIR/2" and started with "start DIR/2" joins it again.
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
command="$1"; dir="$(mkdir -p "$2" && cd "$2" && pwd)"
rabbit_bin=/usr/lib/rabbitmq/bin

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

configure() {
  local amqp_port="${1:-$(free_port)}" management_port="${2:-$(free_port)}"
  local password="${CLUSTER_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}"
  mkdir -p "$dir/mnesia" "$dir/log"
  cat > "$dir/node.env" <<ENV
RABBITMQ_NODENAME=threerc-$(basename "$(dirname "$dir")" | tr -c 'a-zA-Z0-9\n' '-')-$(basename "$dir" | tr -c 'a-zA-Z0-9\n' '-')-$$@localhost
RABBITMQ_NODE_PORT=$amqp_port
RABBITMQ_DIST_PORT=$(free_port)
ERL_EPMD_PORT=${CLUSTER_EPMD_PORT:-$(free_port)}
CLUSTER_MEMBER=${CLUSTER_EPMD_PORT:+1}
ENV
  # The Erlang cookie (in HOME, which is the node's folder) is written before the node and rabbitmqctl start, which
  # would otherwise both create it at once and could disagree; the nodes of a cluster share theirs.
  printf '%s' "${CLUSTER_COOKIE:-$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}" > "$dir/.erlang.cookie"
  chmod 400 "$dir/.erlang.cookie"
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
  # The nodes of a cluster share one epmd: it goes with the last of them (stop-cluster).
  [ -n "${CLUSTER_MEMBER:-}" ] || epmd -port "$ERL_EPMD_PORT" -kill > /dev/null 2>&1 || true
}

cluster() {
  local root="$dir" node
  if [ ! -f "$root/connection.env" ]; then
    export CLUSTER_EPMD_PORT CLUSTER_PASSWORD CLUSTER_COOKIE
    CLUSTER_EPMD_PORT="$(free_port)"
    CLUSTER_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    CLUSTER_COOKIE="$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  fi
  for node in 1 2 3; do "$0" start "$root/$node" > /dev/null; done
  local first; first="$(sed -n 's/^RABBITMQ_NODENAME=//p' "$root/1/node.env")"
  for node in 2 3; do
    dir="$root/$node"; node_env
    if ! "$rabbit_bin/rabbitmqctl" -q cluster_status 2> /dev/null | grep -q "$first"; then
      "$rabbit_bin/rabbitmqctl" -q stop_app > /dev/null
      "$rabbit_bin/rabbitmqctl" -q join_cluster "$first" > /dev/null
      "$rabbit_bin/rabbitmqctl" -q start_app > /dev/null
    fi
  done
  dir="$root"
  local others; others="$(for node in 2 3; do printf '127.0.0.1:%s,' "$(sed -n 's/^RABBITMQ_PORT=//p' "$root/$node/connection.env")"; done)"
  { cat "$root/1/connection.env"; echo "RABBITMQ_NODES=${others%,}"; } > "$root/connection.env"
  cat "$root/connection.env"
}

case "$command" in
  start) shift 2; start "$@" ;;
  stop) stop ;;
  cluster) cluster ;;
  stop-cluster)
    for node in 3 2 1; do "$0" stop "$dir/$node"; done
    [ -f "$dir/1/node.env" ] && epmd -port "$(sed -n 's/^ERL_EPMD_PORT=//p' "$dir/1/node.env")" -kill > /dev/null 2>&1 || true ;;
  *) usage ;;
esac
