# Shared by run.sh and test.sh: installs what the platform needs from the machine, or says exactly how to.

# ensure_packages NAME… — Debian package names: postgresql, ffmpeg, chromium, colmap.
ensure_packages() {
    local missing=()
    for package in "$@"; do
        case "$package" in
            postgresql) ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql) ;;
            ffmpeg) command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg) ;;
            chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
            *) command -v "$package" >/dev/null 2>&1 || missing+=("$package") ;;
        esac
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing ${missing[*]}…"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "Missing system packages: ${missing[*]}. Install them with:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
}

ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "The .NET 10 SDK is missing: install it (https://dot.net) and run this again." >&2
        exit 1
    fi
}
