#!/usr/bin/env bash
# kafka-local.sh: a real single-node Apache Kafka broker (KRaft mode, no
# ZooKeeper, no Docker) for local runs and CI.
#
# The broker jars are fetched once from Maven with scripts/kafka/pom.xml into a
# cache outside the repository; the broker then runs as a plain JVM process on
# 127.0.0.1. Only `start` output goes to stdout (one KAFKA_BROKERS=... line),
# everything else goes to stderr, so callers can do:
#
#   export "$(scripts/kafka-local.sh start)"   # KAFKA_BROKERS=127.0.0.1:<port>
#   ...
#   scripts/kafka-local.sh stop
#
# Run `scripts/kafka-local.sh --help` for the commands and settings.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/kafka-local.sh <command>

Commands:
  start     Fetch Kafka (first run only), format fresh KRaft storage, start a
            single-node broker+controller on 127.0.0.1 and wait until it
            answers. Prints exactly one line on stdout:
              KAFKA_BROKERS=127.0.0.1:<port>
            If the broker of this run directory already runs, only prints the
            line again. Use it as
              export "$(scripts/kafka-local.sh start)"
            or  eval "$(scripts/kafka-local.sh start)"; export KAFKA_BROKERS
  stop      Stop the broker (SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT s)
            and delete its storage so the next start is fresh.
  pause     Stop the broker but keep its storage and ports.
  resume    Start a paused broker again on the same port with its topics.
  status    Print whether the broker runs and its KAFKA_BROKERS line
            (exit status 1 when it does not run).
  brokers   Print 127.0.0.1:<port> when the broker runs (exit status 1 if not).
  help      Print this help (also -h, --help, or no command).

Environment (all optional):
  KAFKA_LOCAL_HOME     cache for the jars         (default: $HOME/.cache/tthc-kafka)
  KAFKA_LOCAL_RUN      run dir: config, storage, logs, pid, port
                                                  (default: $KAFKA_LOCAL_HOME/run)
  KAFKA_PORT           broker (PLAINTEXT) port    (default: a free port)
  KAFKA_CONTROLLER_PORT  KRaft controller port    (default: a free port)
  KAFKA_VERSION        org.apache.kafka:kafka_2.13 version (default: 3.9.2)
  KAFKA_START_TIMEOUT  seconds to wait for the broker to answer (default: 90)
  KAFKA_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (default: 30)
  KAFKA_HEAP_OPTS      JVM heap options           (default: -Xms128m -Xmx512m)
  KAFKA_JVM_OPTS       extra JVM options
  KAFKA_SERVER_PROPS   extra server.properties lines (newline separated),
                       appended last so they override the defaults
  JAVA_HOME            Java to use (default: java on PATH; Java 17+)

The broker log is <run dir>/logs/server.log.
EOF
}

log() { printf 'kafka-local: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

abspath() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$SCRIPT_DIR/kafka/pom.xml"

KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"
KAFKA_LOCAL_HOME="$(abspath "${KAFKA_LOCAL_HOME:-${HOME:-/tmp}/.cache/tthc-kafka}")"
KAFKA_LOCAL_RUN="$(abspath "${KAFKA_LOCAL_RUN:-$KAFKA_LOCAL_HOME/run}")"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

JAR_DIR="$KAFKA_LOCAL_HOME/kafka_2.13-$KAFKA_VERSION/jars"
RUN="$KAFKA_LOCAL_RUN"
DATA_DIR="$RUN/data"
LOG_DIR="$RUN/logs"
SERVER_LOG="$LOG_DIR/server.log"
JVM_OUT="$LOG_DIR/kafka.out"
PID_FILE="$RUN/kafka.pid"
PORT_FILE="$RUN/kafka.port"
PROPS="$RUN/server.properties"
LOG4J_PROPS="$RUN/log4j.properties"
LOG4J_TOOLS_PROPS="$RUN/log4j-tools.properties"

if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi

# --------------------------------------------------------------------------
# helpers

# Serialise start/stop on the same run directory (when flock is available).
take_lock() {
  mkdir -p "$RUN"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$RUN/.lock"
    flock -w 300 9 || die "could not lock $RUN/.lock (another kafka-local.sh still running?)"
  fi
}

read_file() { [[ -s "$1" ]] && tr -d '[:space:]' <"$1"; }

# True when $1 is the pid of the broker of this run directory.
is_our_broker() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "kafka.Kafka $PROPS" || return 1
  fi
  return 0
}

# Pid of the running broker of this run directory, or nothing (status 1).
running_pid() {
  local pid
  pid="$(read_file "$PID_FILE" 2>/dev/null)" || return 1
  is_our_broker "$pid" || return 1
  printf '%s\n' "$pid"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Sends a Kafka ApiVersions v0 request to 127.0.0.1:$1 and checks that a
# well-formed reply with error_code 0 comes back: the broker really answers.
kafka_answers() {
  local reply
  # shellcheck disable=SC2016 # the snippet is expanded by the inner bash
  reply="$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    # size=14, api_key=18 (ApiVersions), api_version=0, correlation_id=1, client_id="ping"
    printf "\x00\x00\x00\x0e\x00\x12\x00\x00\x00\x00\x00\x01\x00\x04ping" >&3
    head -c 10 <&3 | od -An -tx1
  ' _ "$1" 2>/dev/null)" || return 1
  reply="${reply//[[:space:]]/}"
  # bytes 4..9 of the reply: correlation_id=1, error_code=0
  [[ "${reply:8:12}" == "000000010000" ]]
}

# Prints N free TCP ports on 127.0.0.1 (space separated).
free_ports() {
  local n="$1"
  if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
' "$n"
  elif command -v node >/dev/null 2>&1; then
    node -e '
const net = require("net");
const n = Number(process.argv[1]);
const servers = [];
const next = () => {
  if (servers.length === n) {
    console.log(servers.map((s) => s.address().port).join(" "));
    servers.forEach((s) => s.close());
    return;
  }
  const s = net.createServer();
  s.listen(0, "127.0.0.1", () => { servers.push(s); next(); });
};
next();
' "$n"
  else
    local ports=() p tries=0
    while ((${#ports[@]} < n)); do
      ((tries++ < 200)) || die "could not find a free port"
      p=$((20000 + RANDOM % 30000))
      port_in_use "$p" && continue
      [[ " ${ports[*]-} " == *" $p "* ]] && continue
      ports+=("$p")
    done
    printf '%s\n' "${ports[*]}"
  fi
}

# A random KRaft cluster id (base64url of 16 random bytes, as Kafka's Uuid).
cluster_id() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import base64, uuid
while True:
    s = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    if not s.startswith("-"):
        print(s)
        break
'
  else
    "$JAVA" -Xmx64m -cp "$JAR_DIR/*" kafka.tools.StorageTool random-uuid 2>/dev/null
  fi
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (install Java 17+ or set JAVA_HOME)"
}

# Downloads kafka_2.13 and its runtime dependencies into $JAR_DIR, once.
fetch_jars() {
  if [[ -f "$JAR_DIR/.complete" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) not found; it is needed once to fetch Kafka"
  [[ -f "$POM" ]] || die "missing $POM"
  local parent tmp mvn_log t0 count
  parent="$(dirname "$JAR_DIR")"
  mkdir -p "$parent"
  tmp="$parent/jars.tmp.$$"
  mvn_log="$parent/mvn-fetch.log"
  rm -rf "$tmp"
  t0=$SECONDS
  log "fetching Apache Kafka $KAFKA_VERSION (org.apache.kafka:kafka_2.13) and its runtime dependencies with Maven into $parent ..."
  if ! mvn -B -q -f "$POM" \
    -Dkafka.version="$KAFKA_VERSION" \
    -DincludeScope=runtime \
    -DoutputDirectory="$tmp" \
    -Dmdep.overWriteReleases=true \
    dependency:copy-dependencies </dev/null >"$mvn_log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$mvn_log" | grep -v '^[[:space:]]*$' >&2 || true
    rm -rf "$tmp"
    die "Maven could not fetch Kafka $KAFKA_VERSION (output above, also in $mvn_log)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || {
    rm -rf "$tmp"
    die "Maven finished but kafka_2.13-$KAFKA_VERSION.jar is missing (see $mvn_log)"
  }
  touch "$tmp/.complete"
  rm -rf "$JAR_DIR"
  mv "$tmp" "$JAR_DIR"
  count="$(find "$JAR_DIR" -name '*.jar' | wc -l | tr -d ' ')"
  log "fetched $count jars in $((SECONDS - t0)) s into $JAR_DIR"
}

write_config() {
  local port="$1" cport="$2"
  cat >"$PROPS" <<EOF
# Written by scripts/kafka-local.sh: single-node KRaft broker+controller for local runs and CI.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT

log.dirs=$DATA_DIR/kraft-logs
metadata.log.dir=$DATA_DIR/kraft-logs

num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0

# small footprint and short retention: this is a throw-away broker
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.retention.hours=1
log.retention.bytes=104857600
log.segment.bytes=16777216
log.retention.check.interval.ms=60000
log.cleaner.dedupe.buffer.size=16777216
EOF
  if [[ -n "${KAFKA_SERVER_PROPS:-}" ]]; then
    printf '\n# from KAFKA_SERVER_PROPS\n%s\n' "$KAFKA_SERVER_PROPS" >>"$PROPS"
  fi

  cat >"$LOG4J_PROPS" <<EOF
# Written by scripts/kafka-local.sh
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$SERVER_LOG
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF

  # StorageTool: warnings only, to stderr (captured in logs/format.log).
  cat >"$LOG4J_TOOLS_PROPS" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

show_logs() {
  if [[ -s "$SERVER_LOG" ]]; then
    log "last 40 lines of $SERVER_LOG:"
    tail -n 40 "$SERVER_LOG" >&2
  else
    log "(no broker log at $SERVER_LOG)"
  fi
  if [[ -s "$JVM_OUT" ]]; then
    log "last 40 lines of $JVM_OUT (JVM stdout/stderr):"
    tail -n 40 "$JVM_OUT" >&2
  fi
}

# Waits until broker $1 answers on port $2; status 2 when the process died,
# 1 on timeout. ($1 is known to be the broker: right after the launch its
# cmdline may still be that of the forking shell, so only liveness is checked.)
wait_ready() {
  local pid="$1" port="$2" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 2
    if grep -qF "Kafka Server started" "$SERVER_LOG" 2>/dev/null && kafka_answers "$port"; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# Stops the broker process (if any), keeping its storage.
stop_process() {
  local pid deadline
  if pid="$(running_pid)"; then
    log "stopping broker (pid $pid) ..."
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "broker did not stop within ${STOP_TIMEOUT} s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    log "stopped"
  else
    log "not running"
  fi
  rm -f "$PID_FILE"
}

# Stops the broker (if any) and removes storage, pid and port files.
stop_broker() {
  stop_process
  rm -rf "$DATA_DIR"
  rm -f "$PORT_FILE"
}

# --------------------------------------------------------------------------
# commands

# Starts the JVM on the prepared config and storage, waits until it answers, prints the brokers line.
launch_broker() {
  local port="$1" cport="$2" pid rc t0
  local -a heap_opts=() jvm_opts=()
  read -r -a heap_opts <<<"${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
  read -r -a jvm_opts <<<"${KAFKA_JVM_OPTS:-}"
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$port (controller 127.0.0.1:$cport), log: $SERVER_LOG"
  t0=$SECONDS
  # stdin/stdout/stderr detached and the lock fd closed, so that
  # `eval "$(kafka-local.sh start)"` returns and later calls can lock.
  nohup "$JAVA" "${heap_opts[@]}" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$LOG4J_PROPS" -Dkafka.logs.dir="$LOG_DIR" \
    ${jvm_opts[@]+"${jvm_opts[@]}"} \
    -cp "$JAR_DIR/*" kafka.Kafka "$PROPS" \
    </dev/null >"$JVM_OUT" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  printf '%s\n' "$port" >"$PORT_FILE"

  rc=0
  wait_ready "$pid" "$port" || rc=$?
  if ((rc != 0)); then
    if ((rc == 2)); then
      log "the broker process exited during startup"
    else
      log "the broker did not answer within ${START_TIMEOUT} s"
    fi
    show_logs
    stop_broker
    die "Kafka did not start (run dir $RUN)"
  fi
  log "ready in $((SECONDS - t0)) s (pid $pid)"
  printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$port"
}


cmd_start() {
  take_lock
  local pid port cport ports p1 p2 cid rc t0
  local -a heap_opts=() jvm_opts=()

  if pid="$(running_pid)"; then
    port="$(read_file "$PORT_FILE")" || die "broker pid $pid runs but $PORT_FILE is missing; run: $0 stop"
    if [[ -n "${KAFKA_PORT:-}" && "$KAFKA_PORT" != "$port" ]]; then
      log "warning: a broker already runs on port $port (KAFKA_PORT=$KAFKA_PORT ignored; stop it first)"
    fi
    if kafka_answers "$port" || wait_ready "$pid" "$port"; then
      log "already running (pid $pid)"
      printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$port"
      return 0
    fi
    show_logs
    die "broker pid $pid runs but does not answer on 127.0.0.1:$port; run: $0 stop"
  fi

  # Nothing (alive) from an earlier run: start from clean storage.
  rm -rf "$DATA_DIR"
  rm -f "$PID_FILE" "$PORT_FILE"
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  rm -f "$SERVER_LOG" "$SERVER_LOG".* "$JVM_OUT" "$LOG_DIR/format.log"

  check_java
  fetch_jars

  if [[ -n "${KAFKA_PORT:-}" ]]; then
    [[ "$KAFKA_PORT" =~ ^[0-9]+$ ]] || die "KAFKA_PORT must be a number, got '$KAFKA_PORT'"
    port="$KAFKA_PORT"
    port_in_use "$port" && die "KAFKA_PORT=$port is already in use on 127.0.0.1"
  fi
  if [[ -n "${KAFKA_CONTROLLER_PORT:-}" ]]; then
    [[ "$KAFKA_CONTROLLER_PORT" =~ ^[0-9]+$ ]] || die "KAFKA_CONTROLLER_PORT must be a number"
    cport="$KAFKA_CONTROLLER_PORT"
  fi
  ports="$(free_ports 2)" || die "could not find free ports"
  read -r p1 p2 <<<"$ports"
  if [[ -z "${port:-}" ]]; then
    port="$p1"
    cport="${cport:-$p2}"
  else
    cport="${cport:-$p1}"
    [[ "$cport" != "$port" ]] || cport="$p2"
  fi
  [[ "$cport" != "$port" ]] || die "broker and controller ports must differ ($port)"

  write_config "$port" "$cport"

  cid="$(cluster_id)" || die "could not generate a cluster id"
  [[ -n "$cid" ]] || die "could not generate a cluster id"
  log "formatting KRaft storage (cluster id $cid) in $DATA_DIR"
  if ! "$JAVA" -Xmx256m -Dlog4j.configuration="file:$LOG4J_TOOLS_PROPS" \
    -cp "$JAR_DIR/*" kafka.tools.StorageTool format -t "$cid" -c "$PROPS" \
    </dev/null >"$LOG_DIR/format.log" 2>&1; then
    cat "$LOG_DIR/format.log" >&2
    die "formatting KRaft storage failed"
  fi

  launch_broker "$port" "$cport"
}

cmd_stop() {
  take_lock
  stop_broker
}

# Stops the broker but keeps its storage and ports, so that `resume` brings the same broker back
# (used by fault tests: the broker goes away for a while and returns with its topics).
cmd_pause() {
  take_lock
  stop_process
}

cmd_resume() {
  take_lock
  local pid port cport
  if pid="$(running_pid)"; then
    port="$(read_file "$PORT_FILE")" || die "broker pid $pid runs but $PORT_FILE is missing"
    printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$port"
    return 0
  fi
  port="$(read_file "$PORT_FILE")" || die "nothing to resume in $RUN: use start"
  [[ -d "$DATA_DIR" && -f "$PROPS" ]] || die "no storage to resume in $RUN: use start"
  cport="$(sed -n 's/^controller.quorum.voters=1@127.0.0.1:\([0-9]*\)$/\1/p' "$PROPS")"
  port_in_use "$port" && die "port $port is taken by another process"
  check_java
  launch_broker "$port" "$cport"
}

cmd_status() {
  local pid port
  if pid="$(running_pid)" && port="$(read_file "$PORT_FILE")"; then
    if kafka_answers "$port"; then
      printf '# kafka-local: running (pid %s, run dir %s)\n' "$pid" "$RUN"
      printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$port"
      return 0
    fi
    printf '# kafka-local: process %s runs but does not answer on 127.0.0.1:%s (starting?)\n' "$pid" "$port"
    return 1
  fi
  printf '# kafka-local: not running (run dir %s)\n' "$RUN"
  return 1
}

cmd_brokers() {
  local port
  if running_pid >/dev/null && port="$(read_file "$PORT_FILE")"; then
    printf '127.0.0.1:%s\n' "$port"
    return 0
  fi
  log "not running (run dir $RUN)"
  return 1
}

main() {
  case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    pause) cmd_pause ;;
    resume) cmd_resume ;;
    status) cmd_status ;;
    brokers) cmd_brokers ;;
    "" | -h | --help | help) usage ;;
    *)
      usage >&2
      die "unknown command: $1"
      ;;
  esac
}

main "$@"
