// The Node side of the load tool: N getConversation calls through the
// official Node SDK (crisp-api from the npm registry), pointed at the local
// server with setRestHost, at a given concurrency. Prints the same
// `RESULT key=value ...` line as `load client`, so `load compare --node` can
// run it beside the Rust clients; with `--table` it prints a markdown row.
//
// node load.js --addr 127.0.0.1:PORT [--calls 20000] [--concurrency 1] [--warmup 1000] [--table]
//
// `crisp-api` must be resolvable (run.sh installs it into a temporary folder
// and sets NODE_PATH).

"use strict";

const fs = require("fs");
const path = require("path");

// The same ids and token as the Rust clients (benches/src/fixtures.rs).
const WEBSITE_ID = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";
const SESSION_ID = "session_6762b34f-4e26-4a8e-8032-35a1e58e1b1c";
const TOKEN_IDENTIFIER = "7c3ef21c-1e04-41ce-8c06-5605c346f73e";
const TOKEN_KEY = "cc29e1a5086e428fcc6a697d5837a66d82808e65c5cce006fbf2191ceea80a0a";

function options(argv) {
  const parsed = { calls: 20000, concurrency: 1, warmup: 1000, table: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === "--table") {
      parsed.table = true;
    } else if (name === "--addr") {
      parsed.addr = argv[++i];
    } else if (["--calls", "--concurrency", "--warmup"].includes(name)) {
      parsed[name.slice(2)] = Number.parseInt(argv[++i], 10);
    } else {
      throw new Error(`unexpected argument ${name}`);
    }
  }
  if (!parsed.addr) {
    throw new Error("--addr HOST:PORT is required");
  }
  return parsed;
}

function sdkVersion() {
  // The package's `exports` hide package.json: find it from the entry point.
  let dir = path.dirname(require.resolve("crisp-api"));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      if (pkg.name === "crisp-api") {
        return pkg.version;
      }
    }
    dir = path.dirname(dir);
  }
  return "?";
}

async function runCalls(client, calls, concurrency) {
  let next = 0;
  let errors = 0;
  let firstError = null;
  const latencies = [];
  async function worker() {
    while (next++ < calls) {
      const started = process.hrtime.bigint();
      try {
        const conversation = await client.website.getConversation(WEBSITE_ID, SESSION_ID);
        if (conversation.session_id !== SESSION_ID) {
          throw new Error("unexpected conversation");
        }
      } catch (error) {
        errors++;
        if (firstError === null) {
          firstError = error;
        }
      }
      latencies.push(Number(process.hrtime.bigint() - started));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, firstError };
}

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.min(Math.max(Math.ceil((p / 100) * sorted.length), 1), sorted.length);
  return sorted[rank - 1];
}

async function main() {
  const opts = options(process.argv.slice(2));
  const { Crisp } = require("crisp-api");
  const client = new Crisp();
  client.setRestHost(`http://${opts.addr}`);
  client.authenticateTier("plugin", TOKEN_IDENTIFIER, TOKEN_KEY);

  const warm = await runCalls(client, opts.warmup, opts.concurrency);
  if (warm.firstError !== null) {
    throw new Error(`warm-up call failed: ${JSON.stringify(warm.firstError)}`);
  }
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const outcome = await runCalls(client, opts.calls, opts.concurrency);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = Float64Array.from(outcome.latencies).sort();
  if (outcome.firstError !== null) {
    console.error(`node: ${outcome.errors} calls failed, the first with: ${JSON.stringify(outcome.firstError)}`);
  }
  const result = {
    client: "node",
    concurrency: opts.concurrency,
    calls: opts.calls,
    errors: outcome.errors,
    seconds: seconds.toFixed(6),
    p50_us: (percentile(sorted, 50) / 1e3).toFixed(1),
    p99_us: (percentile(sorted, 99) / 1e3).toFixed(1),
    cpu_us_per_call: ((cpu.user + cpu.system) / opts.calls).toFixed(2),
    // maxRSS is in KiB on Linux.
    peak_rss_kib: process.resourceUsage().maxRSS,
    version: sdkVersion(),
    node: process.versions.node,
  };
  console.log("RESULT " + Object.entries(result).map(([key, value]) => `${key}=${value}`).join(" "));
  if (opts.table) {
    const reqPerS = opts.calls / seconds;
    const latency = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} µs`);
    console.log(
      `| Node crisp-api ${result.version} (node ${result.node}) | ${opts.concurrency} | ${reqPerS.toFixed(0)} | ` +
        `${latency(Number(result.p50_us))} | ${latency(Number(result.p99_us))} | ` +
        `${Number(result.cpu_us_per_call).toFixed(1)} µs | ${(result.peak_rss_kib / 1024).toFixed(1)} MiB | |`
    );
  }
}

main().catch((error) => {
  console.error(`node load: ${error && error.stack ? error.stack : JSON.stringify(error)}`);
  process.exit(1);
});
