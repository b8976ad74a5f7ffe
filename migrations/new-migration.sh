#!/usr/bin/env bash
# Exports the schema changes of the Marten model as the next numbered SQL script in migrations/.
# It starts a scratch embedded PostgreSQL, applies the scripts already here, and lets `db-patch` write the difference.
# Usage: migrations/new-migration.sh short_name
set -euo pipefail
name=${1:?usage: migrations/new-migration.sh short_name}
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
stop_scratch() {
    # Stops the scratch server even when the export failed half-way, then removes it.
    if [ -f "$scratch/postgres/postmaster.pid" ]; then
        pg_ctl=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
        if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" stop -D "$scratch/postgres" -m fast >/dev/null || true
        else "$pg_ctl" stop -D "$scratch/postgres" -m fast >/dev/null || true; fi
    fi
    rm -rf "$scratch"
}
trap stop_scratch EXIT
[ "$(id -u)" = 0 ] && chmod 755 "$scratch"

last=$(ls "$root/migrations" | grep -E '^[0-9]{4}_.*\.sql$' | grep -v '\.drop\.sql$' | sort | tail -n 1 | cut -c1-4 || true)
next=$(printf '%04d' $((10#${last:-0} + 1)))
target="$root/migrations/${next}_${name}.sql"

dotnet build "$root/src/Platform.Web" -v q -nologo >/dev/null
apply=true; [ -z "$last" ] && apply=false   # the first script starts from an empty database
ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$scratch" Database__ApplyMigrations=$apply \
    dotnet run --project "$root/src/Platform.Web" --no-build -- db-patch "$target"
rm -f "${target%.sql}.drop.sql"
if [ -f "$target" ]; then echo "Wrote $target"; else echo "The model and migrations/ agree: nothing to write."; fi
