#!/usr/bin/env bash
# Runs the official Node SDK (crisp-api from the npm registry) on the load
# tool's workload: getConversation against the same local server, at 1 and 32
# calls in flight.
#
#   benches/node/run.sh [load options]      the full comparison: crisp-rs, bare
#                                           hyper and Node, interleaved, through
#                                           `load compare --node` (which starts
#                                           the server and measures its ceiling)
#   benches/node/run.sh --only-node [--calls N]
#                                           Node alone: starts `load serve`,
#                                           runs load.js at 1 and 32, stops it
#   benches/node/run.sh --addr HOST:PORT [--calls N]
#                                           Node alone against a server already
#                                           running (`load serve`)
#
# crisp-api is installed into a temporary folder (removed on exit) at the
# pinned version below; override with CRISP_API_VERSION.
set -euo pipefail

CRISP_API_VERSION="${CRISP_API_VERSION:-11.3.0}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

command -v node >/dev/null || { echo "run.sh: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "run.sh: npm is not installed" >&2; exit 1; }
(
    cd "$work"
    npm init -y >/dev/null
    npm install --no-audit --no-fund --silent "crisp-api@$CRISP_API_VERSION" >&2
)
export NODE_PATH="$work/node_modules"
echo "run.sh: crisp-api $(node -p "require('$work/node_modules/crisp-api/package.json').version") on node $(node --version)" >&2

node_only() {
    local addr="$1"
    shift
    echo "| client | in flight | req/s | p50 | p99 | CPU per call | peak RSS | vs bare hyper |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for concurrency in 1 32; do
        node "$here/load.js" --addr "$addr" --concurrency "$concurrency" --table "$@" | grep -v '^RESULT '
    done
}

case "${1:-}" in
    --addr)
        addr="${2:?--addr needs HOST:PORT}"
        shift 2
        node_only "$addr" "$@"
        ;;
    --only-node)
        shift
        cd "$root"
        cargo build --release -p crisp-benches --bin load >&2
        fifo="$work/serve.out"
        mkfifo "$fifo"
        "$root/target/release/load" serve >"$fifo" &
        server_pid=$!
        read -r line <"$fifo"
        addr="${line#listening on }"
        node_only "$addr" "$@"
        ;;
    *)
        cd "$root"
        cargo run --release -p crisp-benches --bin load -- compare --node "$here/load.js" "$@"
        ;;
esac
