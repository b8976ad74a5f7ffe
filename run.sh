#!/usr/bin/env bash
# Starts the platform on http://127.0.0.1:5000 (or --port N) with its embedded PostgreSQL under .data/, and the
# reference render server (a stand-in for GPU inference servers) on port+100, which the platform registers and, on
# the first run, uses to generate a small demo study. Installs missing system packages when run as root on
# Debian/Ubuntu, builds, and prints the admin sign-in. --no-render-server leaves the render server out;
# --reset-admin-password gives the first admin a new password (for when .data/admin-password is lost).
set -euo pipefail
cd "$(dirname "$0")"

port=5000
render=true
reset_password=false
usage="usage: ./run.sh [--port N] [--no-render-server] [--reset-admin-password]"
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port=${2:?--port needs a number}; shift 2 ;;
        --port=*) port=${1#--port=}; shift ;;
        --no-render-server) render=false; shift ;;
        --reset-admin-password) reset_password=true; shift ;;
        -h|--help) echo "$usage"; exit 0 ;;
        *) echo "unknown option: $1 ($usage)" >&2; exit 2 ;;
    esac
done

# One platform per checkout: a second one would take over the embedded PostgreSQL under .data/ from the first.
if running=$(pgrep -f -- "--contentRoot $PWD/.build/publish" | head -n 1) && [ -n "$running" ]; then
    echo "The platform is already running from this folder (process $running), on the data in .data/. Use that one, or stop it" >&2
    echo "first (Ctrl+C where it runs, or: kill $running); a second copy needs its own checkout." >&2
    exit 1
fi
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_in_use "$port"; then
    echo "Port $port is already in use (is the platform already running?). Stop that process, or start on another port: ./run.sh --port N" >&2
    exit 1
fi
if $render && port_in_use $((port + 100)); then
    echo "Port $((port + 100)) (the reference render server's) is already in use. Stop that process, or start on another port: ./run.sh --port N" >&2
    exit 1
fi

source ./scripts/system-packages.sh
ensure_packages postgresql ffmpeg colmap
ensure_dotnet

echo "Building…"
dotnet publish src/Platform.Web -c Release -o .build/publish -nologo -v quiet
$render && dotnet publish src/Platform.RenderServer -c Release -o .build/render-server -nologo -v quiet

mkdir -p .data
password_file=.data/admin-password
email_file=.data/admin-email
# The platform creates the first admin only in an empty database, so once .data/postgres exists the admin's email
# and password are the ones of that first run, whatever this run is given.
database_exists=false
[ -f .data/postgres/PG_VERSION ] && database_exists=true
if ! $database_exists; then
    printf '%s\n' "${PLATFORM_ADMIN_EMAIL:-admin@platform.local}" > "$email_file"
fi
recorded_email=$(cat "$email_file" 2>/dev/null || true)
admin_email=${recorded_email:-${PLATFORM_ADMIN_EMAIL:-admin@platform.local}}

new_password() { (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$password_file"); }
password_lost=false
if $reset_password; then
    # Kept until the host has taken the new one: a start that refuses the reset leaves the old password in force.
    [ -s "$password_file" ] && cp -p "$password_file" "$password_file.previous"
    new_password
    # The host sets Bootstrap:AdminPassword as the password of Bootstrap:AdminEmail's account at this start.
    export Bootstrap__ResetAdminPassword=true
elif [ ! -s "$password_file" ]; then
    if $database_exists; then password_lost=true; else new_password; fi
fi

echo
echo "Platform: http://127.0.0.1:$port"
if $password_lost; then
    cat <<MSG
The database in .data/postgres already exists, so its first admin ($admin_email) keeps the password set on the
first run; $password_file, which held it, is gone. Sign in with that password, or give the admin a new one with
    ./run.sh --reset-admin-password
(or, to start over with no data at all, stop the platform and remove .data/).
MSG
else
    # The password is shown only when this start made it (first run, or a reset): a terminal's scrollback or a
    # recorded session of later starts does not carry it. It stays readable in the file (mode 600).
    if ! $database_exists || $reset_password; then
        cat <<MSG
Sign in as $admin_email with the password in $password_file:
    $(cat "$password_file")
MSG
    else
        echo "Sign in as $admin_email with the password in $password_file (shown only when it is made)."
    fi
    if $reset_password; then
        echo "(Set by --reset-admin-password at this start; later runs keep it until an admin changes it. Should this"
        echo " start fail before the platform listens, the password in force is still the one in $password_file.previous.)"
    elif ! $database_exists; then
        echo "(Made for this first run; change it on the account page once signed in.)"
    fi
fi
if $database_exists && [ -n "${PLATFORM_ADMIN_EMAIL:-}" ]; then
    if [ -z "$recorded_email" ]; then
        echo "PLATFORM_ADMIN_EMAIL applies only to the first run: if the first admin was created with another address, use that one."
    elif [ "$PLATFORM_ADMIN_EMAIL" != "$recorded_email" ]; then
        echo "PLATFORM_ADMIN_EMAIL ($PLATFORM_ADMIN_EMAIL) applies only to the first run: the first admin is $admin_email."
    fi
fi
echo "Stop with Ctrl+C."
echo

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
if [ -s "$password_file" ]; then
    Bootstrap__AdminPassword="$(cat "$password_file")"
    export Bootstrap__AdminPassword
fi
# The address and the sign-in are printed above: the console keeps to warnings (each with what to do) and the demo.
dotnet .build/publish/Platform.Web.dll --contentRoot "$PWD/.build/publish" --urls "http://127.0.0.1:$port" \
    --Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning --Logging:LogLevel:Platform.Web.Hosting=Warning \
    --Logging:LogLevel:Platform.Web.Accounts=Warning
