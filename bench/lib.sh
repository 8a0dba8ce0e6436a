# Shared by the bench scripts (sourced): logging and timing helpers, cleanup on exit, and a throwaway
# PostgreSQL cluster (initdb + pg_ctl on a free port in a temp dir, removed on exit whatever happens)
# with an empty database "bench" exported as ConnectionStrings__Default.
# Expects ROOT to be set by the caller.

WORK=""; APP_PID=""; PG_STARTED=""; RUN_AS=()
log() { printf '[bench] %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    if [[ -n "$PG_STARTED" ]]; then
        "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ -n "$WORK" && -d "$WORK" ]] && rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

find_pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then return; fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then PG_BIN=/usr/lib/postgresql/15/bin; return; fi
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
}

free_port() {
    local port
    for _ in $(seq 200); do
        port=$(( 20000 + RANDOM % 40000 ))
        # A refused connection means nothing listens there.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    echo "no free port found" >&2; return 1
}

psql_q() { psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"; }

# Exact row count of every table in the public schema.
count_rows() {
    psql_q bench "SELECT coalesce(sum((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text::bigint), 0) FROM pg_tables WHERE schemaname = 'public'"
}

# Starts the cluster and creates the database "bench".
start_bench_cluster() {
    find_pg_bin
    if [[ -z "${PG_BIN:-}" || ! -x "$PG_BIN/initdb" ]]; then
        log "PostgreSQL server binaries not found: installing with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        PG_BIN=""; find_pg_bin
    fi
    [[ -x "$PG_BIN/initdb" ]] || { log "no initdb under $PG_BIN"; exit 1; }
    command -v psql >/dev/null || { log "psql is not on PATH"; exit 1; }
    command -v curl >/dev/null || { log "curl is required"; exit 1; }

    WORK="$(mktemp -d "${TMPDIR:-/tmp}/gpsleaders-bench.XXXXXX")"
    if [[ "$(id -u)" == 0 ]]; then
        # initdb refuses to run as root: run the server as the postgres account.
        id -u postgres >/dev/null 2>&1 || { log "running as root needs a 'postgres' system user"; exit 1; }
        chown postgres "$WORK"
        RUN_AS=(runuser -u postgres --)
    fi
    PG_PORT="$(free_port)"
    log "initdb in $WORK (PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), port $PG_PORT)"
    "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; exit 1; }
    # Stock settings apart from where it listens: the figures should mean something for a default install.
    "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 ${BENCH_PG_OPTIONS:-}" start >/dev/null \
        || { cat "$WORK/postgres.log" >&2; exit 1; }
    PG_STARTED=1
    psql_q postgres "CREATE DATABASE bench" >/dev/null
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"
}
