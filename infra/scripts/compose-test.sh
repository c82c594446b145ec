#!/usr/bin/env bash
# Runs docker-compose.yml for real on this machine with images built without any registry, and checks that every
# service comes up healthy and answers `threerc doctor` over the bus. Debian 12, root.
#   infra/scripts/compose-test.sh          # the default profile: RabbitMQ and one of each service
#   infra/scripts/compose-test.sh --ha     # the ha profile too: 3 RabbitMQ nodes, PostgreSQL, two of each service
#   infra/scripts/compose-test.sh --site FILE [--hold]
#       the default profile on the host's network (infra/compose/compose.host-network.yml) for the machines FILE names:
#       an env file whose THREERC_* settings replace the test's own (inventory, Ganglia source, SSH, IPMI and TFTP
#       folders, call-back URL, secrets folder); every doctor check must then pass. With --hold, it prints "compose-test:
#       ready" once all is up and keeps it up until SIGTERM: the end-to-end test ComposeTests drives a recovery meanwhile.
#   infra/scripts/compose-test.sh --build-only      # only builds the images (and publishes the CLI), for runs with:
#   infra/scripts/compose-test.sh --no-build ...    # uses the images built before (ComposeTests builds them once)
# Base images come from debootstrap (no registry is reachable); dockerd is a private one (its own socket, data root
# and exec root under $WORK), started here and stopped on exit. $WORK is kept between runs: the imported base image
# and BuildKit's cache make the second run much faster.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${THREERC_COMPOSE_WORK:-/var/tmp/threerc-compose}
DOCKER_DATA=${DOCKER_DATA:-$WORK/docker}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
# overlay2 works on this machine's ext4 (/tmp, /var/tmp): a container starts in 0.3 s instead of ~2 s with vfs, which
# copies an image's whole root file system for every layer and every container (19 GB for the ha profile).
STORAGE_DRIVER=${STORAGE_DRIVER:-overlay2}
HA=false; SITE=; HOLD=false; BUILD_ONLY=false; NO_BUILD=false
while [ $# -gt 0 ]; do
  case $1 in
    --ha) HA=true ;;
    --build-only) BUILD_ONLY=true ;;
    --no-build) NO_BUILD=true ;;
    --site) SITE=$(realpath "${2:?--site needs an env file}"); shift ;;
    --hold) HOLD=true ;;
    *) echo "compose-test.sh: unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
if $HA && [ -n "$SITE" ]; then echo "compose-test.sh: --site runs the default profile only, not --ha" >&2; exit 2; fi

# The services: compose name and project
SERVICES="monitor:Monitor orchestrator:Orchestrator placement:Placement hypervisor-executor:HypervisorExecutor pxe-provisioner:PxeProvisioner api:Api"
RUN=$WORK/run                 # socket, pidfile, exec root
CFG=$WORK/config              # env file, SSH key, IPMI dir, TFTP root, Ganglia document
PUB=$WORK/publish
LOGS=$WORK/logs               # the build's logs; each profile's run keeps its own folder, so one run's never hides another's
RUN_LOGS=$LOGS/$(if $HA; then echo ha; elif [ -n "$SITE" ]; then echo site; else echo default; fi)
mkdir -p "$RUN" "$CFG" "$PUB" "$LOGS" "$RUN_LOGS"
export DOCKER_HOST=unix://$RUN/docker.sock
# docker.io's CLI (20.10) builds with BuildKit by itself; /usr/local/bin/docker (28.x, no buildx) would fall back to
# the legacy builder, 3-4x slower on vfs. Compose (python docker-compose 1.29) talks to the API and needs neither.
DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1

step_start=$(date +%s)
step() { local now; now=$(date +%s); echo "[$(date +%T)] +$((now - step_start))s $*"; }

# --- 1. packages -----------------------------------------------------------------------------------------------
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v docker-compose >/dev/null || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >"$LOGS/apt.log"
fi

# --- 2. a private dockerd ----------------------------------------------------------------------------------------
STARTED_DOCKERD=false
COMPOSE=()
cleanup() {
  local rc=$?
  if [ ${#COMPOSE[@]} -gt 0 ]; then
    "${COMPOSE[@]}" logs --no-color >"$RUN_LOGS/compose.log" 2>&1 || true
    if [ $rc -ne 0 ]; then
      # What each container was doing, and its last health probes: enough to tell a slow start from a crash.
      local ids; ids=$("${COMPOSE[@]}" ps -q 2>/dev/null || true)
      if [ -n "$ids" ]; then
        $DOCKER inspect --format '{{.Name}} {{.State.Status}} since {{.State.StartedAt}}, restarts {{.RestartCount}}{{if .State.Health}}, {{.State.Health.Status}}, failing streak {{.State.Health.FailingStreak}}{{end}}' $ids || true
        $DOCKER inspect --format '{{.Name}} {{json .State.Health}}' $ids >"$RUN_LOGS/health.txt" 2>&1 || true
      fi
    fi
    step "docker-compose down -v"
    "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  fi
  if $STARTED_DOCKERD && [ -f "$RUN/dockerd.pid" ]; then
    local pid; pid=$(cat "$RUN/dockerd.pid")
    step "stopping dockerd ($pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    # A dockerd that had containers may leave its default network namespace mounted.
    grep -o "$RUN/exec/netns/[^ ]*" /proc/mounts | xargs -r umount 2>/dev/null || true
  fi
  [ $rc -eq 0 ] && step "PASSED" || step "FAILED (rc=$rc; logs in $RUN_LOGS and $LOGS)"
}
trap cleanup EXIT

if ! $DOCKER version >/dev/null 2>&1; then
  step "starting dockerd (data root $DOCKER_DATA)"
  setsid dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver="$STORAGE_DRIVER" \
    --data-root "$DOCKER_DATA" --exec-root "$RUN/exec" --pidfile "$RUN/dockerd.pid" -H "$DOCKER_HOST" \
    >"$LOGS/dockerd.log" 2>&1 </dev/null &
  STARTED_DOCKERD=true
  for _ in $(seq 1 60); do $DOCKER version >/dev/null 2>&1 && break; sleep 0.5; done
  $DOCKER version >/dev/null
fi

# --- 3-5. images: the Debian base, the support images, the services (skipped with --no-build) ---------------------
build_images() {
  # --- 3. the Debian base image ------------------------------------------------------------------------------------
  if ! $DOCKER image inspect threerc/debian:bookworm >/dev/null 2>&1; then
    step "debootstrap bookworm"
    rm -rf "$WORK/rootfs"
    debootstrap --variant=minbase bookworm "$WORK/rootfs" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1
    rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
    security=${MIRROR%/debian}/debian-security
    printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
      "$MIRROR" "$MIRROR" "$security" >"$WORK/rootfs/etc/apt/sources.list"
    step "docker import threerc/debian:bookworm"
    tar -C "$WORK/rootfs" -c . | $DOCKER import -c 'CMD ["/bin/bash"]' - threerc/debian:bookworm >/dev/null
    rm -rf "$WORK/rootfs"
  fi

  # --- 4. support images (BuildKit caches them; --network host because dockerd has no bridge: every RUN needs it) ---
  IMAGES=$REPO/infra/compose/images
  build() { $DOCKER build -q --network host "$@" >>"$LOGS/build.log" 2>&1 || { tail -30 "$LOGS/build.log"; return 1; }; }
  # RabbitMQ and PostgreSQL: the images docker-compose.yml builds (its tags, its build arguments), on the debootstrap base.
  step "building threerc/runtime, threerc/rabbitmq, threerc/gmond-fake"
  build -t threerc/runtime:bookworm "$IMAGES/runtime"
  build -t threerc/rabbitmq:3.10 --build-arg BASE_IMAGE=threerc/debian:bookworm --build-arg WITH_MANAGEMENT=true "$IMAGES/rabbitmq"
  build -t threerc/gmond-fake:local "$IMAGES/gmond-fake"
  step "building threerc/postgres"
  build -t threerc/postgres:15 --build-arg BASE_IMAGE=threerc/debian:bookworm "$IMAGES/postgres"

  # --- 5. publish and package the services -------------------------------------------------------------------------
  # --artifacts-path keeps bin/ and obj/ out of the working tree (and its RID-specific restore away from other builds).
  for entry in $SERVICES; do
    name=${entry%%:*}; project=ThreeRC.${entry##*:}
    step "dotnet publish $project"
    rm -rf "${PUB:?}/$name"
    dotnet publish "$REPO/services/$project/$project.csproj" -c Release -r linux-x64 --self-contained --nologo \
      --artifacts-path "$WORK/artifacts" -o "$PUB/$name" >"$LOGS/publish-$name.log" 2>&1 \
      || { tail -30 "$LOGS/publish-$name.log"; exit 1; }
    extra=(); [ "$name" = hypervisor-executor ] && extra=(--build-arg RUNTIME_PACKAGES=ipmitool)
    build -f "$IMAGES/service/Dockerfile" --build-arg PROJECT="$project" "${extra[@]}" -t "threerc/$name:local" "$PUB/$name"
  done
  step "dotnet publish ThreeRC.Cli (runs on the host)"
  dotnet publish "$REPO/services/ThreeRC.Cli/ThreeRC.Cli.csproj" -c Release --nologo --artifacts-path "$WORK/artifacts" \
    -o "$PUB/cli" >"$LOGS/publish-cli.log" 2>&1 || { tail -30 "$LOGS/publish-cli.log"; exit 1; }
  # $WORK is kept between runs, so what each build leaves goes: the images these tags named before, and BuildKit's
  # cache beyond 3 GB, oldest first (each publish adds new layers; here it had grown to 9 GB in a day of runs). The
  # recent cache, which makes the next build fast, stays.
  $DOCKER image prune -f >/dev/null
  $DOCKER builder prune -f --keep-storage 3GB >/dev/null
}
if $NO_BUILD; then
  for image in threerc/runtime:bookworm threerc/rabbitmq:3.10 threerc/postgres:15 threerc/gmond-fake:local $(for e in $SERVICES; do echo "threerc/${e%%:*}:local"; done); do
    $DOCKER image inspect "$image" >/dev/null 2>&1 || { echo "compose-test.sh --no-build: no image $image; run compose-test.sh --build-only first" >&2; exit 1; }
  done
  [ -x "$PUB/cli/threerc" ] || { echo "compose-test.sh --no-build: no $PUB/cli/threerc; run compose-test.sh --build-only first" >&2; exit 1; }
else
  build_images
fi
if $BUILD_ONLY; then step "images built"; exit 0; fi

# --- 6. configuration: files owned by the containers' user (app, uid 1654); secrets readable in a root-only folder --
mkdir -p "$CFG/ssh" "$CFG/ipmi" "$CFG/tftp"
install -d -m 0700 "$CFG/secrets"
for secret in rabbitmq-password rabbitmq-erlang-cookie api-key postgres-password; do
  [ -s "$CFG/secrets/$secret" ] || openssl rand -hex 24 >"$CFG/secrets/$secret"
  chmod 0644 "$CFG/secrets/$secret"
done
[ -f "$CFG/ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C threerc-compose-test -f "$CFG/ssh/id_ed25519"
touch "$CFG/ssh/known_hosts"
chown -R 1654:1654 "$CFG/ssh" "$CFG/ipmi" "$CFG/tftp"
chmod 600 "$CFG/ssh/id_ed25519"
{
  echo '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>'
  echo '<GANGLIA_XML VERSION="3.7.2" SOURCE="gmond"><CLUSTER NAME="compose-test" LOCALTIME="0" OWNER="" LATLONG="" URL="">'
  for host in alfa01.example.org alfa04.example.org gridce.example.org gridse.example.org; do
    echo "<HOST NAME=\"$host\" IP=\"127.0.0.1\" REPORTED=\"0\" TN=\"5\" TMAX=\"20\" DMAX=\"0\" LOCATION=\"\" GMOND_STARTED=\"0\">"
    echo '<METRIC NAME="load_five" VAL="0.5" TYPE="float" UNITS=" " TN="5" TMAX="70" DMAX="0" SLOPE="both" SOURCE="gmond"/></HOST>'
  done
  echo '</CLUSTER></GANGLIA_XML>'
} >"$CFG/gmond.xml"
# Absolute paths only: relative ones resolve against the first compose file's directory (the repo), and a bind
# source that does not exist is created there as an empty root-owned directory.
cat >"$CFG/test.env" <<EOF
COMPOSE_PROJECT_NAME=threerc-test
RABBITMQ_USER=threerc
THREERC_SECRETS_DIR=$CFG/secrets
THREERC_INVENTORY=$REPO/infra/inventory.sample.yaml
THREERC_GANGLIA_SOURCE=ganglia:8649
THREERC_TEST_GMOND_XML=$CFG/gmond.xml
THREERC_SSH_DIR=$CFG/ssh
THREERC_IPMI_DIR=$CFG/ipmi
THREERC_TFTP_ROOT=$CFG/tftp
THREERC_PXE_CALLBACK_URL=http://pxe-provisioner:5085
EOF
if $HA; then cat >>"$CFG/test.env" <<'EOF'
THREERC_RABBITMQ_NODE_2=rabbitmq-2
THREERC_RABBITMQ_NODE_3=rabbitmq-3
THREERC_RABBITMQ_QUEUE_TYPE=Quorum
THREERC_RABBITMQ_SINGLE_ACTIVE_CONSUMERS=true
THREERC_INSTANCE_NAME=a
THREERC_STORAGE_PROVIDER=PostgreSql
THREERC_STORAGE_CONNECTION_STRING=Host=postgres;Username=threerc;Database=threerc
THREERC_PXE_CALLBACK_URL_B=http://pxe-provisioner-b:5085
EOF
fi

ENV_FILE=$CFG/test.env
if [ -n "$SITE" ]; then
  # The site's settings replace the test's own of the same name.
  ENV_FILE=$CFG/site.env
  awk -F= 'NR == FNR { if ($1 ~ /^[A-Z_0-9]+$/) site[$1] = 1; next } !($1 in site)' "$SITE" "$CFG/test.env" >"$ENV_FILE"
  grep -E '^[A-Z_0-9]+=' "$SITE" >>"$ENV_FILE"
fi
API_KEY=$(cat "$(sed -n 's/^THREERC_SECRETS_DIR=//p' "$ENV_FILE")/api-key")

# --- 7. up, wait for health, doctor ------------------------------------------------------------------------------
COMPOSE=(docker-compose --env-file "$ENV_FILE" -f "$REPO/docker-compose.yml" -f "$REPO/infra/compose/compose.local-images.yml")
$HA && COMPOSE+=(--profile ha)
[ -n "$SITE" ] && COMPOSE+=(-f "$REPO/infra/compose/compose.host-network.yml")
"${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true

step "no secret files, no containers"
install -d -m 0700 "$CFG/no-secrets"
sed "s|^THREERC_SECRETS_DIR=.*|THREERC_SECRETS_DIR=$CFG/no-secrets|" "$ENV_FILE" >"$CFG/no-secrets.env"
NO_SECRETS=(docker-compose --env-file "$CFG/no-secrets.env" "${COMPOSE[@]:3}")
if "${NO_SECRETS[@]}" up --no-start >"$RUN_LOGS/no-secrets.log" 2>&1; then
  "${NO_SECRETS[@]}" down -v >/dev/null 2>&1 || true
  echo "compose created the containers without their secret files" >&2; exit 1
fi
"${NO_SECRETS[@]}" down -v >/dev/null 2>&1 || true
grep -q "bind source path does not exist: $CFG/no-secrets/" "$RUN_LOGS/no-secrets.log" \
  || { echo "compose failed without its secret files, but not for them:" >&2; cat "$RUN_LOGS/no-secrets.log" >&2; exit 1; }

if [ -n "$SITE" ]; then
  # On the host's network the monitor publishes no port (it hears its push port on the host itself), and compose 1.29
  # cannot take a key away in an override: the monitor's ports leave the rendered configuration instead.
  "${COMPOSE[@]}" config >"$CFG/site-compose.yml"
  /usr/bin/python3 -c 'import sys, yaml
path = sys.argv[1]
config = yaml.safe_load(open(path))
config["services"]["monitor"].pop("ports", None)
yaml.safe_dump(config, open(path, "w"), sort_keys=False)' "$CFG/site-compose.yml"
  COMPOSE=(docker-compose --env-file "$ENV_FILE" -f "$CFG/site-compose.yml")
fi
step "docker-compose up -d --no-build"
"${COMPOSE[@]}" up -d --no-build >"$RUN_LOGS/up.log" 2>&1 || { cat "$RUN_LOGS/up.log"; exit 1; }
step "waiting for every healthcheck"
deadline=$(( $(date +%s) + 240 ))
while :; do
  states=$($DOCKER inspect --format '{{.Name}}={{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' \
    $("${COMPOSE[@]}" ps -q) | tr '\n' ' ')
  echo "$states" | grep -qE '=(starting|unhealthy|restarting|exited|created)' || break
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "not healthy: $states" >&2; exit 1; fi
  sleep 2
done
step "healthy: $states"
step "threerc doctor"
"$PUB/cli/threerc" --api http://127.0.0.1:5087 --api-key "$API_KEY" -o json doctor >"$RUN_LOGS/doctor.json" 2>"$RUN_LOGS/doctor.err" || true
python3 - "$RUN_LOGS/doctor.json" "$HA" "$SITE" <<'EOF'
import json, sys
doctor = json.load(open(sys.argv[1]))
instances = 2 if sys.argv[2] == "true" else 1
site = sys.argv[3] != ""
processes = ["ThreeRC.Api", "ThreeRC.HypervisorExecutor", "ThreeRC.Monitor", "ThreeRC.Orchestrator",
             "ThreeRC.Placement", "ThreeRC.PxeProvisioner"]
answered = [answer["process"] for answer in doctor["answers"]]
problems = [f"missing modules: {doctor['missingModules']}"] if doctor["missingModules"] else []
problems += [f"{p}: {answered.count(p)} of {instances} instances answered" for p in processes if answered.count(p) != instances]
# The sample inventory's hosts and BMCs do not exist: only the executor's SSH and IPMI checks may fail. A site's exist.
unreachable = set() if site else {"ssh login", "guest ssh login", "bmc power status"}
for answer in doctor["answers"]:
    for f in answer["findings"]:
        if not f["passed"] and not (f["module"] == "executor" and f["check"] in unreachable):
            problems.append(f"{answer['process']}{answer['instance'] and '/' + answer['instance']}: {f['check']} {f['subject']}: {f['detail']}")
for problem in problems: print("doctor:", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
if $HA; then
  # The cluster formed as one (each node sees all three running) and every durable queue is on all three: a node
  # that formed a cluster of its own, or a queue declared before the others joined, would lose messages with one node.
  step "one RabbitMQ cluster of three nodes, every durable queue a quorum queue on all three"
  for node in rabbitmq rabbitmq-2 rabbitmq-3; do
    "${COMPOSE[@]}" exec -T "$node" rabbitmqctl -q cluster_status --formatter json >"$RUN_LOGS/cluster-$node.json"
  done
  "${COMPOSE[@]}" exec -T rabbitmq rabbitmqctl -q list_queues name type durable auto_delete members --formatter json >"$RUN_LOGS/queues.json"
  python3 - "$RUN_LOGS" <<'EOF'
import json, sys
logs = sys.argv[1]
problems = []
for node in ["rabbitmq", "rabbitmq-2", "rabbitmq-3"]:
    running = sorted(json.load(open(f"{logs}/cluster-{node}.json"))["running_nodes"])
    if len(running) != 3: problems.append(f"{node} sees {len(running)} running nodes, not 3: {running}")
# The durable ones: each process's own bus queue (MassTransit's, for responses) is a classic auto-delete queue.
queues = [q for q in json.load(open(f"{logs}/queues.json")) if q["durable"] and not q["auto_delete"]]
problems += [f"queue {q['name']} is {q['type']}, not quorum" for q in queues if q["type"] != "quorum"]
problems += [f"queue {q['name']} has {len(q['members'])} members, not 3: {q['members']}" for q in queues if q["type"] == "quorum" and len(q["members"]) != 3]
if not queues: problems.append("no durable queues: the services declared none")
for problem in problems: print("rabbitmq:", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
fi
if $HOLD; then
  step "holding until SIGTERM"
  sleep infinity & hold=$!
  trap 'kill $hold 2>/dev/null; exit 0' TERM
  echo "compose-test: ready"
  wait $hold
fi
