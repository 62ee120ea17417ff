# Shared pieces of the benchmarks: static reference files, nginx as a reference, the wrk runs with
# the server's CPU time and the machine's description (bench/http.sh, bench/trending.sh, ...);
# Postfix's smtp-sink, the database from the shell and generated subscriptions (bench/digest.sh,
# bench/memory.sh). Sourced, not run. Expects WORK, BASE, PYTHON, SERVER_PID, THREADS, CONNECTIONS,
# WARMUP and DURATION to be set where they are used.

# size PATH FILE: fetches BASE+PATH into WORK/FILE and prints the bytes received
size() { curl -sf -o "$WORK/$2" -w '%{size_download}' "$BASE$1"; }

# make_static BYTES NAME: a static file of exactly BYTES random printable bytes in WORK/static,
# so nothing (compression, caching of a repeated pattern) can shortcut serving it
make_static() {
	"$PYTHON" -c '
import random, string, sys
n = int(sys.argv[1])
text = "".join(random.choices(string.ascii_letters + string.digits + "     ", k=n))
# a line break every 100 characters, like a text file
sys.stdout.write("".join(c if i % 100 != 99 else "\n" for i, c in enumerate(text)))' "$1" >"$WORK/static/$2"
	[ "$(size "/$2" static.check)" = "$1" ] || { echo "/$2 is not served whole" >&2; exit 1; }
}

# cpu_ticks [PID...]: user+system CPU ticks of these processes (default: the server)
cpu_ticks() {
	local pid total=0
	for pid in "${@:-$SERVER_PID}"; do
		total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
	done
	echo "$total"
}

# wrk prints latencies as 812.00us, 3.41ms or 1.02s; in milliseconds:
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

# measure_all: warms up, then runs wrk on each of URLS (with ENCODINGS, labelled LABELS, keyed by
# NAMES) and fills the maps RPS, P50 and P99 (ms), CPU (server CPU ms per request) and LOAD (load
# average). A URL is a path on BASE, or a whole http:// address; the CPU is the server's, or that
# of the processes listed (space-separated) in PROCESSES[i] when it is set.
measure_all() {
	local i name before after url
	echo "Warming up: $WARMUP of wrk per URL ..."
	for i in "${!URLS[@]}"; do
		url=${URLS[$i]}
		[[ $url == http://* ]] || url=$BASE$url
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Accept-Encoding: ${ENCODINGS[$i]}" "$url" >/dev/null
	done
	declare -gA RPS P50 P99 CPU LOAD
	for i in "${!NAMES[@]}"; do
		name=${NAMES[$i]}
		url=${URLS[$i]}
		[[ $url == http://* ]] || url=$BASE$url
		local -a pids
		# shellcheck disable=SC2206 # a list of process ids
		pids=(${PROCESSES[$i]:-$SERVER_PID})
		echo "Measuring ${LABELS[$i]}: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ..."
		LOAD[$name]=$(cut -d' ' -f1 /proc/loadavg)
		before=$(cpu_ticks "${pids[@]}")
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: ${ENCODINGS[$i]}" \
			"$url" >"$WORK/wrk-$name.txt"
		after=$(cpu_ticks "${pids[@]}")
		if grep -qE 'Non-2xx|Socket errors' "$WORK/wrk-$name.txt"; then
			echo "  errors during the run:" >&2
			grep -E 'Non-2xx|Socket errors' "$WORK/wrk-$name.txt" >&2
		fi
		wrk_results "$name" "$WORK/wrk-$name.txt" $((after - before)) %.3f
	done
}

# wrk_results NAME FILE TICKS FORMAT: RPS, P50 and P99 (ms) of NAME from wrk's output in FILE, and
# CPU: the TICKS of CPU time spent meanwhile, in ms a request (printed with FORMAT, such as %.3f)
wrk_results() {
	local requests
	declare -gA RPS P50 P99 CPU
	requests=$(awk '/requests in/ { print $1 }' "$2")
	RPS[$1]=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$2")
	P50[$1]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$2")")
	P99[$1]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$2")")
	CPU[$1]=$(awk -v t="$3" -v hz="$(getconf CLK_TCK)" -v n="$requests" -v f="$4" 'BEGIN { printf f, (n > 0) ? t * 1000 / hz / n : 0 }')
}

# measure_search NAME EXTRA LABEL: the search page under SEARCH_CONNECTIONS clients cycling through
# the queries in $QUERIES (bench/search_rotate.lua, with EXTRA such as mode=text added to each):
# warms up, measures, and fills RPS, P50, P99, CPU (server CPU ms a request) and LOAD for NAME
measure_search() {
	local before after
	declare -gA LOAD
	SEARCH_PATH=/papers/search SEARCH_EXTRA=$2 \
		wrk -t"$THREADS" -c"$SEARCH_CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/search_rotate.lua" "$BASE" >/dev/null
	echo "Measuring $3: wrk -t$THREADS -c$SEARCH_CONNECTIONS -d$DURATION, $(wc -l <"$QUERIES") rotating queries ..."
	LOAD[$1]=$(cut -d' ' -f1 /proc/loadavg)
	before=$(cpu_ticks)
	SEARCH_PATH=/papers/search SEARCH_EXTRA=$2 \
		wrk -t"$THREADS" -c"$SEARCH_CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/search_rotate.lua" "$BASE" \
		>"$WORK/wrk-$1.txt"
	after=$(cpu_ticks)
	grep -E 'Non-2xx|Socket errors' "$WORK/wrk-$1.txt" >&2 || true
	wrk_results "$1" "$WORK/wrk-$1.txt" $((after - before)) %.2f
}

machine() {
	echo "$(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//;s/ *$//'), $(java -version 2>&1 | head -1 | sed 's/ version//;s/"//g')"
}

# start_server DATA_DIR SECONDS [ARGUMENTS...]: starts target/paperboy.jar ($JAR, with $JVM_OPTS, the
# arguments in $SERVER_ARGS and the extra application ARGUMENTS) on a free port (or $PORT) over
# DATA_DIR, also serving WORK/static, and waits up to SECONDS for it to be healthy; sets PORT, BASE
# and SERVER_PID
start_server() {
	PORT=${PORT:-$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
	BASE=http://127.0.0.1:$PORT
	mkdir -p "$WORK/static"
	echo "Starting the server on port $PORT (JVM flags: $JVM_OPTS) ..."
	# shellcheck disable=SC2086 # JVM_OPTS is a list of flags
	# shellcheck disable=SC2086 # SERVER_ARGS is a list of arguments
	java $JVM_OPTS -jar "$JAR" --paperboy.data-dir="$1" --server.port="$PORT" \
		--spring.web.resources.static-locations="classpath:/static/,file:$WORK/static/" ${SERVER_ARGS:-} "${@:3}" >"$WORK/server.log" 2>&1 &
	SERVER_PID=$!
	local _
	for _ in $(seq $(($2 * 2))); do
		if curl -sf -o /dev/null "$BASE/actuator/health"; then
			return 0
		fi
		kill -0 "$SERVER_PID" 2>/dev/null || { echo "The server stopped:" >&2; cat "$WORK/server.log" >&2; exit 1; }
		sleep 0.5
	done
	echo "The server did not become ready" >&2
	exit 1
}

# stop_server: stops the server start_server started, if it still runs, and waits for it to end
stop_server() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	SERVER_PID=
}

# coverage: "EMBEDDED INDEXED" as the server at $BASE's search page tells it ("covers 7,912 of 8,506
# papers so far"), "all" once it no longer says so (every paper has its vector), or "none" while the
# search finds nothing yet
coverage() {
	local page
	page=$(curl -sf "$BASE/papers/search?q=language+model") || { echo "none"; return; }
	if grep -q 'Search by meaning covers' <<<"$page"; then
		grep -o 'covers [0-9,]* of [0-9,]*' <<<"$page" | head -1 | tr -d ',' | awk '{ print $2, $4 }'
	elif grep -q 'No papers found' <<<"$page"; then
		echo "none"
	else
		echo "all"
	fi
}

# DATA must name a folder; it is made absolute.
require_data() {
	[ -d "$DATA" ] || { echo "No data folder at $DATA (set DATA=...)" >&2; exit 2; }
	DATA=$(cd "$DATA" && pwd)
}

# wrk, from Debian's package when missing.
require_wrk() {
	if ! command -v wrk >/dev/null; then
		echo "Installing wrk ..."
		apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
	fi
}

# nginx, from Debian's package (nginx-light) when missing.
require_nginx() {
	if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
		echo "Installing nginx-light ..."
		apt-get install -y nginx-light >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx-light >/dev/null; }
	fi
	NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# start_nginx CONFIG_BODY: starts nginx on a free port of 127.0.0.1 with a configuration made of
# Debian's defaults (worker_processes auto, sendfile, keep-alive) and CONFIG_BODY inside its server
# block, without an access log (Paperboy keeps none either); sets NGINX_PORT, NGINX_BASE,
# NGINX_PID (the master) and NGINX_PIDS (master and workers, for their CPU time)
start_nginx() {
	NGINX_PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	NGINX_BASE=http://127.0.0.1:$NGINX_PORT
	mkdir -p "$WORK/nginx"
	cat >"$WORK/nginx/nginx.conf" <<-CONF
		worker_processes auto;
		pid $WORK/nginx/nginx.pid;
		error_log $WORK/nginx/error.log;
		events { worker_connections 768; }
		http {
		    sendfile on;
		    tcp_nopush on;
		    access_log off;
		    client_body_temp_path $WORK/nginx/client_body;
		    proxy_temp_path $WORK/nginx/proxy;
		    fastcgi_temp_path $WORK/nginx/fastcgi;
		    uwsgi_temp_path $WORK/nginx/uwsgi;
		    scgi_temp_path $WORK/nginx/scgi;
		    server {
		        listen 127.0.0.1:$NGINX_PORT;
		        $1
		    }
		}
	CONF
	# its workers run as nobody: they must be able to read the files
	chmod a+rx "$WORK" "$WORK/nginx"
	"$NGINX" -t -q -c "$WORK/nginx/nginx.conf" -g 'daemon off;' -e "$WORK/nginx/error.log" \
		|| { echo "nginx refused its configuration" >&2; exit 1; }
	"$NGINX" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' -e "$WORK/nginx/error.log" 2>"$WORK/nginx/stderr" &
	NGINX_PID=$!
	local _
	for _ in $(seq 40); do
		if curl -s -o /dev/null "$NGINX_BASE/"; then
			NGINX_PIDS="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
			return 0
		fi
		sleep 0.25
	done
	echo "nginx did not start:" >&2
	cat "$WORK/nginx/error.log" "$WORK/nginx/stderr" >&2
	exit 1
}

# JAR, built when it is the default target/paperboy.jar and missing.
require_jar() {
	if [ ! -f "$JAR" ]; then
		[ "$JAR" = "$ROOT/target/paperboy.jar" ] || { echo "No jar at $JAR" >&2; exit 2; }
		echo "Building $JAR ..."
		(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
	fi
}

# --- digests into Postfix's smtp-sink (bench/digest.sh, bench/memory.sh) ---------------------------
# Expects WORK and PYTHON; SINK and SOURCE are set by require_postfix_tools.

# smtp-sink and smtp-source, from Debian's postfix package (no Postfix needs to run); explains how to
# install them and exits when missing.
require_postfix_tools() {
	SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
	SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)
	if [ ! -x "$SINK" ] || [ ! -x "$SOURCE" ]; then
		cat >&2 <<-'INSTALL'
			smtp-sink and smtp-source come with Debian's postfix package; no Postfix needs to run.
			Install them with:
			  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
			  DEBIAN_FRONTEND=noninteractive apt-get install -y postfix
		INSTALL
		exit 2
	fi
}

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_sink NAME: a fresh smtp-sink on loopback that appends every message to WORK/sink/NAME;
# sets SINK_PORT and SINK_PID. As root it must drop privileges (-u nobody).
start_sink() {
	mkdir -p "$WORK/sink"
	chmod 777 "$WORK/sink"
	SINK_PORT=$(free_port)
	local user=()
	[ "$(id -u)" = 0 ] && user=(-u nobody)
	"$SINK" "${user[@]}" -D "$WORK/sink/$1" "127.0.0.1:$SINK_PORT" 1024 >"$WORK/sink-$1.log" 2>&1 &
	SINK_PID=$!
	local _
	for _ in $(seq 50); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null; then return 0; fi
		sleep 0.1
	done
	echo "smtp-sink did not start:" >&2
	cat "$WORK/sink-$1.log" >&2
	exit 1
}

stop_sink() {
	if [ -n "${SINK_PID:-}" ]; then
		kill "$SINK_PID" 2>/dev/null || true
		wait "$SINK_PID" 2>/dev/null || true
		SINK_PID=
	fi
}

# sink_messages NAME: how many messages the dump WORK/sink/NAME holds so far
sink_messages() {
	if [ -f "$WORK/sink/$1" ]; then grep -c '^X-Client-Addr: ' "$WORK/sink/$1" || true; else echo 0; fi
}

# count_sink NAME: reads the dump WORK/sink/NAME and prints "messages recipients distinct
# duplicates bytes first last": messages, RCPT TO addresses, distinct ones, addresses received more
# than once, the average size of a message as sent (headers and body, CRLF line ends, without
# smtp-sink's own lines) and the sink's time stamps of the first and last message (epoch seconds)
count_sink() {
	local dump=$WORK/sink/$1
	[ -f "$dump" ] || { echo "0 0 0 0 0 0 0"; return; }
	grep '^X-Rcpt-Args: ' "$dump" | sed 's/^X-Rcpt-Args: //; s/[<>]//g; s/ .*//' | sort >"$dump.rcpt"
	local messages recipients distinct duplicates
	messages=$(grep -c '^X-Client-Addr: ' "$dump" || true)
	recipients=$(wc -l <"$dump.rcpt")
	distinct=$(uniq "$dump.rcpt" | wc -l)
	duplicates=$(uniq -d "$dump.rcpt" | wc -l)
	# a message: smtp-sink's X- lines, its three-line Received header, the message, an empty line
	LC_ALL=C awk '
		/^X-Client-Addr: / { if (n) bytes -= 2; n++; state = 0; next }
		state == 0 && /^Received: from / { state = 1; skip = 2; next }
		state == 1 && skip > 0 { skip--; if (skip == 0) { stamp = $0; sub(/^[ \t]+/, "", stamp); print stamp > "/dev/stderr"; state = 2 }; next }
		state == 2 { bytes += length($0) + 2 }
		END { if (n) bytes -= 2; printf "%.0f\n", (n ? bytes / n : 0) }
	' "$dump" 2>"$dump.stamps" >"$dump.size"
	local first last
	first=$(head -1 "$dump.stamps" | xargs -I{} date -d {} +%s 2>/dev/null || echo 0)
	last=$(tail -1 "$dump.stamps" | xargs -I{} date -d {} +%s 2>/dev/null || echo 0)
	echo "$messages $recipients $distinct $duplicates $(cat "$dump.size") $first $last"
}

# --- the H2 database of a data dir, from the shell -------------------------------------------------
# h2_tools DATA_DIR: H2's jar, taken from JAR, in WORK/h2.jar, and H2_URL for the database of
# DATA_DIR (with AUTO_SERVER, so it also reaches a database a running server holds)
h2_tools() {
	H2_URL="jdbc:h2:file:$1/paperboy;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
	[ -f "$WORK/h2.jar" ] || (cd "$WORK" && unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' && mv h2-*.jar h2.jar)
}
sql() { java -cp "$WORK/h2.jar" org.h2.tools.RunScript -url "$H2_URL" -user sa -password '' -script "$1" -showResults; }
sql_value() { java -cp "$WORK/h2.jar" org.h2.tools.Shell -url "$H2_URL" -user sa -password '' -sql "$1" | sed -n 2p | tr -d ' '; }

# load_subscriptions COUNT HF ARXIV [EVERYONE_DUE]: COUNT confirmed subscriptions with mixed
# preferences (bench/digest_subscribers.py) into the database of H2_URL, after moving the daily
# entries forward so that the archive's last entry is an hour old (the digests then cover its last
# days). With EVERYONE_DUE=1 every subscription is daily from midnight, so a scheduled run finds
# them all due. Prints how long it took; exits unless exactly COUNT are confirmed.
load_subscriptions() {
	local count=$1 hf=$2 arxiv=$3 everyone=${4:-0} start loaded
	start=$(date +%s.%N)
	"$PYTHON" "$ROOT/bench/digest_subscribers.py" "$count" "$hf" "$arxiv" "$WORK/subscribers.csv"
	cat >"$WORK/load.sql" <<-SQL
		set @shift = datediff(second, (select max(submitted_at) from daily_entries), current_timestamp) - 3600;
		update daily_entries set submitted_at = dateadd(second, @shift, submitted_at);
		insert into digest_subscriptions (email, status, cadence, weekday, delivery_hour, time_zone, paper_count,
		    categories, keywords, min_upvotes, ordering, created_at, requested_at, confirmed_at, last_sent_at)
		select "EMAIL", 'confirmed', "CADENCE", cast("WEEKDAY" as smallint), cast("DELIVERY_HOUR" as smallint), "TIME_ZONE",
		    cast("PAPER_COUNT" as integer), coalesce("CATEGORIES", ''), replace(coalesce("KEYWORDS", ''), '|', char(10)),
		    cast("MIN_UPVOTES" as integer), case when cast("PERSONAL" as boolean) then 'upvoted' else 'trending' end,
		    dateadd(day, -30, current_timestamp),
		    dateadd(day, -30, current_timestamp), dateadd(day, -30, current_timestamp),
		    case when "HOURS_SINCE_LAST" is null then null
		        else dateadd(hour, -cast("HOURS_SINCE_LAST" as integer), current_timestamp) end
		from csvread('$WORK/subscribers.csv', null, 'charset=UTF-8');
	SQL
	if [ "$everyone" = 1 ]; then
		echo "update digest_subscriptions set cadence = 'daily', delivery_hour = 0;" >>"$WORK/load.sql"
	fi
	sql "$WORK/load.sql" >"$WORK/load.log"
	loaded=$(sql_value "select count(*) from digest_subscriptions where status = 'confirmed'")
	echo "  $loaded confirmed subscriptions loaded in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s"
	[ "$loaded" = "$count" ] || { echo "Expected $count subscriptions" >&2; exit 1; }
}

# --- a throwaway PostgreSQL, a timed snapshot import, the server's state and threads (bench/arxiv.sh, bench/snapshot.sh)
# Expect WORK, PYTHON and PG_BIN (PostgreSQL's programs, such as /usr/lib/postgresql/15/bin).

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# require_postgres: PostgreSQL's programs in PG_BIN, from Debian's package when missing
require_postgres() {
	if [ ! -x "$PG_BIN/pg_ctl" ]; then
		echo "Installing PostgreSQL (apt-get install -y postgresql) ..."
		apt-get install -y postgresql >/dev/null || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; }
	fi
}

# link_generated DIR: generated.jsonl and generated.csv of an earlier kept run, linked into WORK
link_generated() {
	echo "Reusing the generated files in $1"
	ln -s "$1/generated.jsonl" "$WORK/generated.jsonl"
	ln -s "$1/generated.csv" "$WORK/generated.csv"
}

# start_postgres: a fresh cluster in WORK/pg with the server's default settings (fsync and
# synchronous commit on, 128 MB of shared buffers) on a free port of 127.0.0.1, user paperboy
# without a password (a cluster already in WORK/pg, kept from an earlier run, is started as it is);
# sets PG_PORT and PG_PID. psql_run runs psql against it.
start_postgres() {
	PG_PORT=$(free_port)
	mkdir -p "$WORK/pg" && chown postgres "$WORK/pg" 2>/dev/null || true
	[ -f "$WORK/pg/PG_VERSION" ] || as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U paperboy -A trust >/dev/null
	as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
		-o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
	PG_PID=$(head -1 "$WORK/pg/postmaster.pid")
}
psql_run() { psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U paperboy -v ON_ERROR_STOP=1 "$@"; }

# stop_postgres: stops the cluster start_postgres started, if any
stop_postgres() {
	if [ -n "${PG_PID:-}" ]; then
		as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
		PG_PID=
	fi
}

# pg_cpu: CPU seconds PostgreSQL has used so far: the postmaster's own and that of its exited
# children (each connection's backend), which the kernel adds to it when they exit
pg_cpu() {
	if [ -n "${PG_PID:-}" ]; then
		awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$PG_PID/stat"
	else
		echo 0
	fi
}

# timed_import FILE LOG [ARGUMENTS...]: `java $JAVA_OPTS -jar $JAR import arxiv-snapshot FILE ARGUMENTS`
# timed by /usr/bin/time -v, its output in LOG.out and LOG.err; shows them and exits when the import
# fails or does not create a paper for each line it reads. Sets IMPORT_WALL (s, the JVM's start
# included), IMPORT_CPU (the JVM's user + system CPU s), IMPORT_PG_CPU (PostgreSQL's CPU s meanwhile,
# 0 when none runs), IMPORT_RSS (peak MB), IMPORT_CREATED, IMPORT_RATE (papers/s by wall time) and
# IMPORT_OWN_RATE (what the import prints as its rate, its start left out)
timed_import() {
	local file=$1 log=$2 start cpu_before lines
	shift 2
	cpu_before=$(pg_cpu)
	start=$(date +%s.%N)
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
	if ! /usr/bin/time -v java $JAVA_OPTS -jar "$JAR" import arxiv-snapshot "$file" "$@" >"$log.out" 2>"$log.err"; then
		echo "Import of $file failed:" >&2
		cat "$log.out" >&2
		tail -40 "$log.err" >&2
		exit 1
	fi
	IMPORT_WALL=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	IMPORT_PG_CPU=$(awk -v a="$cpu_before" -v b="$(pg_cpu)" 'BEGIN { printf "%.1f", b - a }')
	IMPORT_CPU=$(awk '/User time|System time/ { s += $NF } END { printf "%.1f", s }' "$log.err")
	IMPORT_RSS=$(awk '/Maximum resident set size/ { printf "%.0f", $6 / 1024 }' "$log.err")
	lines=$(awk -F: '$1 == "Lines read" { gsub(/ /, "", $2); print $2 }' "$log.out")
	IMPORT_CREATED=$(awk -F: '$1 == "Papers created" { gsub(/ /, "", $2); print $2 }' "$log.out")
	if [ -z "$lines" ] || [ "$IMPORT_CREATED" != "$lines" ]; then
		echo "Expected $lines papers created, got $IMPORT_CREATED" >&2
		cat "$log.out" >&2
		exit 1
	fi
	IMPORT_RATE=$(awk -v n="$IMPORT_CREATED" -v s="$IMPORT_WALL" 'BEGIN { printf "%.0f", n / s }')
	IMPORT_OWN_RATE=$(awk '/^Rate:/ { print $2 }' "$log.out")
}

# search_status: "DATABASE INDEXED EMBEDDED REBUILDING RATE BYTES" from /admin/search of the server at
# $BASE (opened with the token in $ADMIN_TOKEN: start the server with PAPERBOY_ADMIN_TOKEN set and
# paperboy.base-url on $BASE); "? ? ? ? ? ?" when the page does not answer
search_status() {
	curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/search" | "$PYTHON" -c '
import re, sys
page = sys.stdin.read()
def cell(label):
    m = re.search(re.escape(label) + r"</th><td>([^<]*)", page)
    return m.group(1) if m else ""
def number(text):
    m = re.match(r"\s*([0-9]+)", text)
    return m.group(1) if m else "?"
indexed = cell("Papers indexed (found by words)")
size = re.match(r"\s*([0-9.]+) MB", cell("Index size"))
rate = re.search(r"([0-9.]+) papers/s", cell("Embedding queue"))
print(number(cell("Papers in the database")), number(indexed), number(cell("Papers embedded (found by meaning)")),
      "yes" if "rebuilding" in indexed else "no", rate.group(1) if rate else "?",
      "%.0f" % (float(size.group(1)) * 1e6) if size else "?")' 2>/dev/null || echo "? ? ? ? ? ?"
}

# thread_ticks PID: "TID NAME TICKS" of each thread of the process (user+system CPU ticks so far)
thread_ticks() {
	local task
	for task in /proc/"$1"/task/*; do
		[ -r "$task/stat" ] || continue
		awk -v tid="${task##*/}" -v name="$(tr ' ' '_' <"$task/comm" 2>/dev/null)" '{
			# the name in parentheses may hold spaces: count fields from the end
			print tid, name, $(NF - 38) + $(NF - 37) }' "$task/stat" 2>/dev/null || true
	done
}

# busy_cores: the machine's busy share of its cores since the last call, as "cores busy of N"
# (from /proc/stat; the first call starts the count)
busy_cores() {
	local now
	now=$(awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total, idle }' /proc/stat)
	if [ -n "${BUSY_LAST:-}" ]; then
		awk -v a="$BUSY_LAST" -v b="$now" -v n="$(nproc)" 'BEGIN { split(a, x, " "); split(b, y, " ");
			t = y[1] - x[1]; i = y[2] - x[2]; printf "%.2f of %d", (t > 0 ? n * (t - i) / t : 0), n }'
	fi
	BUSY_LAST=$now
}
