#!/bin/sh
# The subset of the official postgres image's entrypoint that docker-compose.yml relies on: on an empty data
# directory, initdb with POSTGRES_USER (superuser) and the password of POSTGRES_PASSWORD_FILE (a secret) or
# POSTGRES_PASSWORD, create POSTGRES_DB, accept password logins from the network; then run the server in the foreground.
set -eu
: "${PGDATA:=/var/lib/postgresql/data}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  [ -r "$POSTGRES_PASSWORD_FILE" ] || { echo "POSTGRES_PASSWORD_FILE $POSTGRES_PASSWORD_FILE cannot be read: refusing to start" >&2; exit 1; }
  POSTGRES_PASSWORD=$(head -n 1 "$POSTGRES_PASSWORD_FILE")
fi
if [ -z "${POSTGRES_PASSWORD:-}" ]; then echo "no password (POSTGRES_PASSWORD_FILE or POSTGRES_PASSWORD): refusing to start" >&2; exit 1; fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user="${POSTGRES_USER:-postgres}"
  pwfile=$(mktemp); printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  db="${POSTGRES_DB:-$user}"
  if [ "$db" != postgres ]; then
    postgres --single -D "$PGDATA" -c listen_addresses='' postgres <<SQL >/dev/null
CREATE DATABASE "$db" OWNER "$user";
SQL
  fi
fi
exec postgres -D "$PGDATA"
