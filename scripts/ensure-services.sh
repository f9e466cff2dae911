#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer where DATABASE_URL / REDIS_URL point, and that the database
# exists and its role may create databases (Prisma's shadow database needs CREATEDB).
#
# On this machine's own loopback it starts them, and as root on Debian/Ubuntu installs them first.
# When it cannot (not root, not Debian, a remote host) it prints ONE line saying what to run, and fails.
# Idempotent; prints one line per service on success.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

APT_UPDATED=0

is_root() { [[ "$(id -u)" == 0 ]]; }
is_debian() { [[ -r /etc/os-release ]] && grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release; }
is_local() { [[ -z "$1" || "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 || "$1" == "[::1]" ]]; }

apt_install() {
  if [[ "$APT_UPDATED" == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# `wait_until SECONDS command...` — retries the command once a second.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

# ── PostgreSQL ────────────────────────────────────────────────────────────────────────────────────────
# URL parts, decoded by node (always present: the project needs it).
IFS=$'\t' read -r PG_HOST PG_PORT PG_USER PG_PASSWORD PG_DB < <(node -e '
  const u = new URL(process.argv[1]);
  const d = decodeURIComponent;
  process.stdout.write([u.hostname || "127.0.0.1", u.port || "5432", d(u.username) || "postgres",
    d(u.password) || "-", d(u.pathname.slice(1)) || "brokerdesk"].join("\t") + "\n");' "$DATABASE_URL")
[[ "$PG_PASSWORD" == "-" ]] && PG_PASSWORD=""
PG_HOST="${PG_HOST#[}" && PG_HOST="${PG_HOST%]}"
export PGCONNECT_TIMEOUT=5
[[ -n "$PG_PASSWORD" ]] && export PGPASSWORD="$PG_PASSWORD"

pg_answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -At "$@"; }

# The cluster to start: the one configured on our port, else the newest installed.
pick_cluster() {
  pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; found = 1; exit } END { if (!found) exit 1 }' ||
    pg_lsclusters -h 2>/dev/null | sort -V | tail -1 | awk '{ print $1, $2 }'
}

# A freshly installed Debian cluster only trusts peer/scram logins; the built-in DATABASE_URL has no
# password, so a cluster this script installed trusts loopback connections (dev and CI machines only).
trust_loopback() {
  local version=$1 name=$2 hba="/etc/postgresql/$1/$2/pg_hba.conf"
  grep -q 'brokerdesk: trust loopback' "$hba" && return 0
  local tmp
  tmp="$(mktemp)"
  {
    echo "# brokerdesk: trust loopback (added by scripts/ensure-services.sh on a machine it set up)"
    echo "host all all 127.0.0.1/32 trust"
    echo "host all all ::1/128 trust"
    cat "$hba"
  } >"$tmp"
  cat "$tmp" >"$hba" && rm -f "$tmp"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$name" reload >/dev/null 2>&1 || true
}

ensure_postgres() {
  local installed_now=0
  if ! pg_answers; then
    if ! is_local "$PG_HOST"; then
      die "postgres: nothing answers at $PG_HOST:$PG_PORT — start PostgreSQL there or point DATABASE_URL at a running server"
    fi
    if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(ls /etc/postgresql 2>/dev/null)" ]]; then
      if ! is_root || ! is_debian; then
        die "postgres: not installed — run: sudo apt-get install -y postgresql && sudo bash scripts/ensure-services.sh"
      fi
      apt_install postgresql postgresql-client
      installed_now=1
    fi
    if [[ -z "$(ls /etc/postgresql 2>/dev/null)" ]]; then
      # Installed with create_main_cluster=false (some images): make one.
      pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main -p "$PG_PORT" >/dev/null
    fi
    local cluster cluster_version cluster_name
    read -r cluster_version cluster_name < <(pick_cluster)
    cluster="$cluster_version $cluster_name"
    if ! is_root && [[ "$(id -un)" != postgres ]]; then
      die "postgres: not running — run: sudo pg_ctlcluster --skip-systemctl-redirect $cluster start"
    fi
    [[ "$installed_now" == 1 ]] && trust_loopback "$cluster_version" "$cluster_name"
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" "$cluster_name" start >/dev/null 2>&1 || true
    wait_until 30 pg_answers ||
      die "postgres: cluster $cluster did not come up on $PG_HOST:$PG_PORT — see /var/log/postgresql/postgresql-${cluster_version}-${cluster_name}.log"
  fi

  command -v psql >/dev/null || {
    is_root && is_debian && apt_install postgresql-client
    command -v psql >/dev/null || die "postgres: psql missing — run: sudo apt-get install -y postgresql-client"
  }

  local login_error
  if ! login_error="$(psql_admin -c 'select 1' 2>&1 >/dev/null)"; then
    die "postgres: cannot log in as '$PG_USER' at $PG_HOST:$PG_PORT (${login_error//$'\n'/ }) — set DATABASE_URL with a password, or allow trust for 127.0.0.1 in pg_hba.conf"
  fi

  # CREATEDB for Prisma's shadow database. Only a superuser can grant it; as root, go through the
  # local `postgres` superuser when the role itself cannot.
  if [[ "$(psql_admin -c "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")" != t ]]; then
    local grant="ALTER ROLE \"$PG_USER\" CREATEDB"
    if ! psql_admin -c "$grant" >/dev/null 2>&1; then
      if is_local "$PG_HOST" && is_root && command -v runuser >/dev/null; then
        runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "$grant" >/dev/null ||
          die "postgres: role '$PG_USER' lacks CREATEDB — run: sudo -u postgres psql -c '$grant'"
      else
        die "postgres: role '$PG_USER' lacks CREATEDB (Prisma's shadow database needs it) — run as a superuser: psql -c '$grant'"
      fi
    fi
  fi

  local db_literal=${PG_DB//\'/\'\'} db_ident=${PG_DB//\"/\"\"}
  if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$db_literal'")" != 1 ]]; then
    psql_admin -c "CREATE DATABASE \"$db_ident\"" >/dev/null
    log "postgres: ok ($PG_HOST:$PG_PORT, created database $PG_DB)"
  else
    log "postgres: ok ($PG_HOST:$PG_PORT, database $PG_DB)"
  fi
}

# ── Redis ─────────────────────────────────────────────────────────────────────────────────────────────
IFS=$'\t' read -r REDIS_HOST REDIS_PORT REDIS_PASSWORD < <(node -e '
  const u = new URL(process.argv[1]);
  process.stdout.write([u.hostname || "127.0.0.1", u.port || "6379", decodeURIComponent(u.password) || "-"].join("\t") + "\n");' "$REDIS_URL")
[[ "$REDIS_PASSWORD" == "-" ]] && REDIS_PASSWORD=""
REDIS_HOST="${REDIS_HOST#[}" && REDIS_HOST="${REDIS_HOST%]}"

redis_answers() {
  if command -v redis-cli >/dev/null; then
    local auth=()
    [[ -n "$REDIS_PASSWORD" ]] && auth=(env "REDISCLI_AUTH=$REDIS_PASSWORD")
    [[ "$("${auth[@]}" timeout 5 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
  else
    # No client installed: speak the protocol over bash's /dev/tcp.
    (
      exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" || exit 1
      [[ -n "$REDIS_PASSWORD" ]] && printf 'AUTH %s\r\n' "$REDIS_PASSWORD" >&3 && read -r -t 3 _ <&3
      printf 'PING\r\n' >&3
      read -r -t 3 reply <&3
      [[ "$reply" == "+PONG"* ]]
    ) 2>/dev/null
  fi
}

ensure_redis() {
  if redis_answers; then
    log "redis: ok ($REDIS_HOST:$REDIS_PORT)"
    return 0
  fi
  if ! is_local "$REDIS_HOST"; then
    die "redis: nothing answers at $REDIS_HOST:$REDIS_PORT — start Redis there or point REDIS_URL at a running server"
  fi
  if ! command -v redis-server >/dev/null; then
    if ! is_root || ! is_debian; then
      die "redis: not installed — run: sudo apt-get install -y redis-server && bash scripts/ensure-services.sh"
    fi
    apt_install redis-server
    # The package's own service may have come up already.
    wait_until 3 redis_answers && { log "redis: ok ($REDIS_HOST:$REDIS_PORT, installed)"; return 0; }
  fi
  local auth=()
  [[ -n "$REDIS_PASSWORD" ]] && auth=(--requirepass "$REDIS_PASSWORD")
  # Append-only file in var/redis (gitignored): job history and schedules survive a Redis restart.
  local dir="$BROKERDESK_ROOT/var/redis"
  mkdir -p "$dir"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly yes --dir "$dir" "${auth[@]}" >/dev/null ||
    die "redis: could not start — run: redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --appendonly yes --dir $dir"
  wait_until 15 redis_answers || die "redis: started but does not answer at $REDIS_HOST:$REDIS_PORT"
  log "redis: ok ($REDIS_HOST:$REDIS_PORT, started)"
}

ensure_postgres
ensure_redis
