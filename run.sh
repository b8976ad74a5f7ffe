#!/usr/bin/env bash
# Starts the platform on http://127.0.0.1:5000 (or --port N) with its embedded PostgreSQL under .data/, and the
# reference render server (a stand-in for GPU inference servers) on port+100, which the platform registers and, on
# the first run, uses to generate a small demo study. Installs missing system packages when run as root on
# Debian/Ubuntu, builds, and prints the admin sign-in. --no-render-server leaves the render server out.
set -euo pipefail
cd "$(dirname "$0")"

port=5000
render=true
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port=${2:?--port needs a number}; shift 2 ;;
        --port=*) port=${1#--port=}; shift ;;
        --no-render-server) render=false; shift ;;
        -h|--help) echo "usage: ./run.sh [--port N] [--no-render-server]"; exit 0 ;;
        *) echo "unknown option: $1 (usage: ./run.sh [--port N] [--no-render-server])" >&2; exit 2 ;;
    esac
done

source ./scripts/system-packages.sh
ensure_packages postgresql ffmpeg
ensure_dotnet

echo "Building…"
dotnet publish src/Platform.Web -c Release -o .build/publish -nologo -v quiet
$render && dotnet publish src/Platform.RenderServer -c Release -o .build/render-server -nologo -v quiet

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

if $render; then
    render_port=$((port + 100))
    mkdir -p .data/render-server
    dotnet .build/render-server/Platform.RenderServer.dll --urls "http://127.0.0.1:$render_port" \
        --Render:DataDirectory "$PWD/.data/render-server" > .data/render-server.log 2>&1 &
    render_pid=$!
    trap 'kill "$render_pid" 2>/dev/null || true' EXIT
    export Demo__RenderServerUrl="http://127.0.0.1:$render_port"
    echo "Reference render server (not a model: procedural test videos): http://127.0.0.1:$render_port"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Bootstrap__AdminEmail="$admin_email"
export Bootstrap__AdminPassword="$(cat "$password_file")"
dotnet .build/publish/Platform.Web.dll --contentRoot "$PWD/.build/publish" --urls "http://127.0.0.1:$port"
