#!/usr/bin/env bash
# Start Debian's PostgreSQL cluster and create the role and database the tests use.
# Idempotent: safe to run when the cluster is already up. Prints the DATABASE_URL.
set -euo pipefail
PGUSER_NAME=${PGUSER_NAME:-samskab}
PGPASS=${PGPASS:-samskab}
PGDB=${PGDB:-samskab}
SUDO="runuser -u postgres --"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  $SUDO pg_isready -q && break
  sleep 1
done
$SUDO psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER_NAME') THEN
    CREATE ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS' CREATEDB;
  END IF;
END \$\$;
SQL
if ! $SUDO psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$PGDB'" | grep -q 1; then
  $SUDO createdb -O "$PGUSER_NAME" "$PGDB"
fi
echo "postgres://$PGUSER_NAME:$PGPASS@127.0.0.1:5432/$PGDB"
