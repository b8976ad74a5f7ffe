#!/usr/bin/env bash
# Runs every test project: unit, integration (real PostgreSQL, bUnit) and browser (Debian's Chromium).
# Installs missing system packages when run as root on Debian/Ubuntu. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

source ./scripts/system-packages.sh
ensure_packages postgresql ffmpeg chromium colmap
ensure_dotnet

if ! dotnet build Platform.sln -nologo -v quiet; then
    echo "The build failed."
    echo "0 passed, 0 failed"
    exit 1
fi

# The layout .editorconfig asks for: the build above already fails on its code-style rules (unnecessary usings,
# file-scoped namespaces, whitespace: EnforceCodeStyleInBuild); this checks the whitespace of every file dotnet
# format knows in seconds, where a full `dotnet format --verify-no-changes` would compile the solution again for
# minutes to find nothing more. A failure counts as one failed test.
unformatted=0
if ! dotnet format whitespace Platform.sln --verify-no-changes --no-restore; then
    echo "The code is not formatted as .editorconfig asks: run \`dotnet format Platform.sln\` and commit the result."
    unformatted=1
fi

rm -f tests/*/bin/Debug/*/host-errors.log
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
for project in tests/*/*.csproj; do
    grep -q '<IsTestProject>false</IsTestProject>' "$project" && continue
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done

count() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed); passed=${passed:-0}
failed=$(count failed); failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "A test run aborted before reporting its results."
    failed=1
fi
failed=$((failed + unformatted))
if [ "$failed" -ne 0 ]; then
    # The hosts' errors (a 500's exception, say) are kept beside each test assembly; show them with the failure.
    for log in tests/*/bin/Debug/*/host-errors.log; do
        [ -s "$log" ] && { echo "--- $log (last 120 lines)"; tail -n 120 "$log"; }
    done
    # Last, so a truncated log still shows them: each failed test with the first lines of its message.
    echo "--- failed tests"
    for trx in "$results"/*.trx; do
        awk '/<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "FAILED " substr($0, RSTART + 10, RLENGTH - 11); want = 1 }
             want && /<Message>/ { sub(/.*<Message>/, "  "); lines = 0; inmsg = 1 }
             inmsg { done = /<\/Message>/; sub(/<\/Message>.*/, ""); if (lines++ < 4) print "  " $0; if (done) { inmsg = 0; want = 0 } }' "$trx"
    done
fi
[ "$unformatted" -ne 0 ] && echo "FAILED dotnet format --verify-no-changes: run \`dotnet format Platform.sln\`"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
