# Sourced by .ci/run: makes a PostgreSQL server available for the store tests and exports
# TEST_DATABASE_URL. Leaves an already set TEST_DATABASE_URL alone. As root on Debian it uses the
# packaged cluster (installing postgresql + libpq-dev when missing, starting it when stopped);
# otherwise it starts a throwaway cluster under /tmp when the server binaries exist. Without any
# PostgreSQL the PostgreSQL store tests are skipped (and say so).

bvk_pg_bindir() {
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && echo "/usr/lib/postgresql/$v/bin"
}

bvk_pg_setup() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "PostgreSQL: using TEST_DATABASE_URL from the environment"
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    if [ -z "$(bvk_pg_bindir)" ] || ! command -v pg_config >/dev/null 2>&1 || [ ! -e /usr/include/postgresql/libpq-fe.h ]; then
      apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql libpq-dev
    fi
    local v
    v=$(basename "$(dirname "$(bvk_pg_bindir)")")
    # The package creates cluster "main"; make one if it was removed, then start it (no-op when running).
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$v main"; then
      pg_createcluster "$v" main
    fi
    if ! pg_lsclusters -h | awk -v v="$v" '$1==v && $2=="main" {print $4}' | grep -qx online; then
      pg_ctlcluster "$v" main start
    fi
    local port
    port=$(pg_lsclusters -h | awk -v v="$v" '$1==v && $2=="main" {print $3}')
    # A login role with a password (TCP uses scram-sha-256 in Debian's pg_hba.conf) and its database.
    su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bvk_ci') THEN CREATE ROLE bvk_ci LOGIN PASSWORD 'bvk_ci'; END IF; END\\\$\\\$;\""
    if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'bvk_ci'\"" | grep -qx 1; then
      su postgres -c "createdb -p $port -O bvk_ci bvk_ci"
    fi
    export TEST_DATABASE_URL="postgres://bvk_ci:bvk_ci@127.0.0.1:$port/bvk_ci"
    echo "PostgreSQL $v on port $port: TEST_DATABASE_URL=postgres://bvk_ci:***@127.0.0.1:$port/bvk_ci"
    return 0
  fi
  local bin
  bin=$(bvk_pg_bindir)
  if [ -z "$bin" ]; then
    echo "PostgreSQL: no server binaries and not root; the PostgreSQL store tests will be skipped" >&2
    return 0
  fi
  # Not root: a throwaway cluster owned by this user, reachable only through a socket in its folder.
  BVK_PG_DIR=$(mktemp -d /tmp/bvk-pg.XXXXXX)
  "$bin/initdb" -D "$BVK_PG_DIR/data" -A trust -U bvk_ci >/dev/null
  "$bin/pg_ctl" -D "$BVK_PG_DIR/data" -l "$BVK_PG_DIR/log" -w -o "-k $BVK_PG_DIR -c listen_addresses='' -p 5439" start >/dev/null
  "$bin/createdb" -h "$BVK_PG_DIR" -p 5439 -U bvk_ci bvk_ci
  # shellcheck disable=SC2064 # expand now: $bin is local to this function
  trap "'$bin/pg_ctl' -D '$BVK_PG_DIR/data' -m fast stop >/dev/null 2>&1; rm -rf '$BVK_PG_DIR'" EXIT
  export TEST_DATABASE_URL="postgresql://bvk_ci@/bvk_ci?host=$BVK_PG_DIR&port=5439"
  echo "PostgreSQL (throwaway cluster in $BVK_PG_DIR): TEST_DATABASE_URL=$TEST_DATABASE_URL"
}
