#!/usr/bin/env bash
# Starts the platform on http://127.0.0.1:5000 (or --port N) with its embedded PostgreSQL under .data/.
# Installs missing system packages when run as root on Debian/Ubuntu, builds, and prints the admin sign-in.
set -euo pipefail
cd "$(dirname "$0")"

port=5000
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port=${2:?--port needs a number}; shift 2 ;;
        --port=*) port=${1#--port=}; shift ;;
        -h|--help) echo "usage: ./run.sh [--port N]"; exit 0 ;;
        *) echo "unknown option: $1 (usage: ./run.sh [--port N])" >&2; exit 2 ;;
    esac
done

source ./scripts/system-packages.sh
ensure_packages postgresql ffmpeg
ensure_dotnet

echo "Building…"
dotnet publish src/Platform.Web -c Release -o .build/publish -nologo -v quiet

mkdir -p .data
password_file=.data/admin-password
if [ ! -s "$password_file" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$password_file")
fi
admin_email=${PLATFORM_ADMIN_EMAIL:-admin@platform.local}

cat <<MSG

Platform: http://127.0.0.1:$port
Sign in as $admin_email with the password in $password_file:
    $(cat "$password_file")
(That is the first admin's password as created on the first run; an admin can change it later.)
Stop with Ctrl+C.

MSG

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Bootstrap__AdminEmail="$admin_email"
export Bootstrap__AdminPassword="$(cat "$password_file")"
exec dotnet .build/publish/Platform.Web.dll --contentRoot "$PWD/.build/publish" --urls "http://127.0.0.1:$port"
