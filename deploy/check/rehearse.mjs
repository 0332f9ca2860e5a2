// Rehearses the Compose deployment without a Docker engine: the same processes, started directly. The service is
// published as deploy/Dockerfile publishes it; PostgreSQL runs from the machine's binaries with a password; two
// replicas get the environment docker-compose.yml gives the api service (and the Dockerfile's); nginx runs
// deploy/nginx/searchapi.conf with the upstream pointed at the two local replicas. Then, through the proxy: search,
// write, bulk upload, paging, and a replica killed and restarted while requests keep being answered.
//
//   node rehearse.mjs      (from deploy/check, after npm ci; needs dotnet, PostgreSQL's binaries and nginx)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, cpSync, chmodSync, existsSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "searchapi-rehearsal-"));
chmodSync(work, 0o777);
const asRoot = process.getuid() === 0;
const children = [];
const log = (message) => console.log(`[rehearsal] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  throw new Error(message);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

// PostgreSQL's programs refuse to run as root: run them as the postgres user then.
function runPostgres(program, args, env = {}) {
  const executable = join(postgresBinaries(), program);
  return asRoot
    ? run("runuser", ["-u", "postgres", "--", "env", ...Object.entries(env).map(([k, v]) => `${k}=${v}`), executable, ...args], { cwd: work })
    : run(executable, args, { cwd: work, env: { ...process.env, ...env } });
}

function postgresBinaries() {
  for (const folder of (process.env.PATH ?? "").split(":"))
    if (existsSync(join(folder, "initdb")) && existsSync(join(folder, "createdb"))) return folder;
  const installed = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  if (installed.length) return join("/usr/lib/postgresql", installed[0], "bin");
  fail("PostgreSQL's binaries were not found (install the Debian package postgresql)");
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(name, command, args, env, cwd = work) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.output = "";
  child.stdout.on("data", (data) => (child.output += data));
  child.stderr.on("data", (data) => (child.output += data));
  child.label = name;
  children.push(child);
  return child;
}

async function waitFor(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  fail(`${what} did not answer 200 at ${url} within ${timeoutMs / 1000} s`);
}

async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) fail(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

// The environment a container gets: the Dockerfile's ENV, then the Compose service's environment.
function containerEnvironment(service) {
  const dockerfile = readFileSync(join(repo, "deploy/Dockerfile"), "utf8").replace(/\\\n/g, " ");
  const env = {};
  for (const line of dockerfile.split("\n").filter((l) => /^ENV\s/.test(l)))
    for (const [, key, value] of line.matchAll(/(\w+)=(\S+)/g)) env[key] = value;
  const compose = run("node", [join(repo, "deploy/check/validate.mjs"), "env", service]);
  for (const line of compose.split("\n").filter(Boolean)) {
    const at = line.indexOf("=");
    env[line.slice(0, at)] = line.slice(at + 1);
  }
  return env;
}

async function main() {
  // Secrets come from the environment, as Compose takes them from .env.
  process.env.POSTGRES_PASSWORD = randomBytes(18).toString("hex");
  process.env.SEARCHAPI_API_KEY = randomBytes(18).toString("hex");

  log("publishing the service as deploy/Dockerfile does");
  const app = join(work, "app");
  run("dotnet", ["publish", join(repo, "src/SearchApi/SearchApi.csproj"), "-c", "Release", "-o", app, "--nologo", "-v", "quiet"]);
  cpSync(join(repo, "seeds"), join(app, "seeds"), { recursive: true });

  log("starting PostgreSQL with a password, as the postgres service");
  const pgPort = await freePort();
  const pgData = join(work, "pg");
  writeFileSync(join(work, "pwfile"), process.env.POSTGRES_PASSWORD);
  chmodSync(join(work, "pwfile"), 0o644);
  runPostgres("initdb", ["-D", pgData, "-U", "searchapi", "--auth=scram-sha-256", `--pwfile=${join(work, "pwfile")}`, "-E", "UTF8", "--no-instructions"]);
  runPostgres("pg_ctl", ["-D", pgData, "-l", join(work, "pg.log"), "-w", "-o", `-p ${pgPort} -c listen_addresses=127.0.0.1 -k ${work}`, "start"]);
  children.push({ label: "postgres", stop: () => runPostgres("pg_ctl", ["-D", pgData, "-m", "fast", "-w", "stop"]) });
  runPostgres("createdb", ["-h", "127.0.0.1", "-p", String(pgPort), "-U", "searchapi", "searchapi"], { PGPASSWORD: process.env.POSTGRES_PASSWORD });
  runPostgres("pg_isready", ["-h", "127.0.0.1", "-p", String(pgPort), "-U", "searchapi", "-d", "searchapi"]);

  const environment = containerEnvironment("api");
  const replicas = [];
  const startReplica = async (index, port) => {
    const env = {
      ...environment,
      ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
      SearchApi__DataDirectory: join(work, `replica-${index}`),
      SearchApi__SeedsPath: join(app, "seeds"),
      ConnectionStrings__Statements: environment.ConnectionStrings__Statements.replace("Host=postgres", `Host=127.0.0.1;Port=${pgPort}`),
    };
    // In the image the working directory is /app, where appsettings.json is.
    const child = start(`replica ${index}`, "dotnet", [join(app, "SearchApi.dll")], env, app);
    replicas[index] = { child, port, url: `http://127.0.0.1:${port}` };
    return replicas[index];
  };

  log("starting two replicas at once on the empty store, as docker compose up --scale api=2 does");
  const ports = [await freePort(), await freePort()];
  await Promise.all([startReplica(0, ports[0]), startReplica(1, ports[1])]);
  await Promise.all(replicas.map((r, i) => waitFor(`${r.url}/health/ready`, `replica ${i}`)));
  const ready = await Promise.all(replicas.map((r) => json(`${r.url}/health/ready`)));
  if (ready[0].documents === 0 || ready[0].documents !== ready[1].documents || ready[0].indexedSeq !== ready[1].indexedSeq)
    fail(`the replicas disagree after start: ${JSON.stringify(ready)}`);
  log(`both ready with ${ready[0].documents} statements up to sequence ${ready[0].indexedSeq} (seeds loaded once)`);

  log("starting nginx with deploy/nginx/searchapi.conf, upstream pointed at the two replicas");
  const proxyPort = await freePort();
  const site = readFileSync(join(repo, "deploy/nginx/searchapi.conf"), "utf8");
  const localSite = site
    .replace(/server api:8080( [^;]*);/, (_, flags) => ports.map((p) => `server 127.0.0.1:${p}${flags};`).join("\n    "))
    .replace(/listen 80;/, `listen 127.0.0.1:${proxyPort};`);
  if (localSite === site || !localSite.includes(`127.0.0.1:${ports[1]}`)) fail("searchapi.conf no longer has 'server api:8080 …;' and 'listen 80;'");
  writeFileSync(join(work, "site.conf"), localSite);
  for (const folder of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) spawnSync("mkdir", ["-p", join(work, "nginx", folder)]);
  spawnSync("chmod", ["-R", "777", join(work, "nginx")]);
  writeFileSync(join(work, "nginx.conf"), `
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
events { worker_connections 256; }
http {
  access_log ${work}/nginx-access.log;
  client_body_temp_path ${work}/nginx/body;
  proxy_temp_path ${work}/nginx/proxy;
  fastcgi_temp_path ${work}/nginx/fastcgi;
  uwsgi_temp_path ${work}/nginx/uwsgi;
  scgi_temp_path ${work}/nginx/scgi;
  include ${work}/site.conf;
}
`);
  const nginx = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  run(nginx, ["-t", "-c", join(work, "nginx.conf")]);
  start("nginx", nginx, ["-c", join(work, "nginx.conf"), "-g", "daemon off;"], {});
  const proxy = `http://127.0.0.1:${proxyPort}`;
  await waitFor(`${proxy}/health/ready`, "nginx");

  const search = await json(`${proxy}/api/v1/search?q=Lavrov`);
  if (!(search.total > 0)) fail(`searching through the proxy found nothing: ${JSON.stringify(search).slice(0, 500)}`);
  log(`search through the proxy: ${search.total} hits for Lavrov`);

  const key = { "X-Api-Key": process.env.SEARCHAPI_API_KEY };
  const put = await fetch(`${proxy}/api/v1/documents/rehearsal-1`, {
    method: "PUT",
    headers: { ...key, "Content-Type": "application/json" },
    body: JSON.stringify({ lang: "en", title: "Rehearsal", text: "The ministry said rehearsalmarker in a statement." }),
  });
  if (put.status !== 201) fail(`PUT through the proxy: ${put.status} ${await put.text()}`);
  const written = Date.now();
  for (const replica of replicas) {
    while ((await json(`${replica.url}/api/v1/search?q=rehearsalmarker`)).total !== 1) {
      if (Date.now() - written > 10_000) fail(`the write did not reach ${replica.url} within 10 s`);
      await sleep(10);
    }
  }
  log(`a write through the proxy was searchable on both replicas after ${Date.now() - written} ms`);

  const lines = Array.from({ length: 3000 }, (_, n) => JSON.stringify({
    id: `rehearsal-bulk-${n}`, lang: n % 3 ? "en" : "ru", title: `Bulk ${n}`,
    text: n % 3 ? `Statement number ${n} on the CSTO summit.` : `Заявление номер ${n} о саммите ОДКБ.`,
  })).join("\n") + "\n";
  const bulk = await fetch(`${proxy}/api/v1/documents/bulk`, { method: "POST", headers: { ...key, "Content-Type": "application/x-ndjson" }, body: lines });
  const summary = (await bulk.text()).trim().split("\n").map((l) => JSON.parse(l)).at(-1);
  if (summary.summary?.accepted !== 3000) fail(`bulk upload through the proxy: ${JSON.stringify(summary)}`);
  log("bulk upload of 3,000 statements streamed through the proxy");

  let page = await json(`${proxy}/api/v1/search?q=CSTO&limit=50`);
  const seen = new Set(page.hits.map((h) => h.id));
  while (page.nextCursor) {
    page = await json(`${proxy}/api/v1/search?q=CSTO&limit=50&cursor=${encodeURIComponent(page.nextCursor)}`);
    for (const hit of page.hits) seen.add(hit.id);
  }
  log(`paged through ${seen.size} hits for CSTO through the proxy without losing the cursor's replica`);

  for (const index of [0, 1]) {
    log(`killing replica ${index} (SIGKILL) while requests go on`);
    replicas[index].child.kill("SIGKILL");
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${proxy}/api/v1/search?q=Lavrov`);
      if (response.status !== 200) fail(`with replica ${index} down the proxy answered ${response.status}`);
    }
    const before = (await json(`${replicas[1 - index].url}/health/ready`)).indexedSeq;
    await fetch(`${proxy}/api/v1/documents/rehearsal-during-${index}`, {
      method: "PUT", headers: { ...key, "Content-Type": "application/json" }, body: JSON.stringify({ lang: "en", text: `Written while replica ${index} was down.` }),
    });
    const restarted = await startReplica(index, ports[index]);
    await waitFor(`${restarted.url}/health/ready`, `restarted replica ${index}`);
    if (!/Index caught up from sequence [1-9]\d* to \d+/.test(restarted.child.output)) fail(`replica ${index} did not catch up from where it was:\n${restarted.child.output}`);
    log(`replica ${index} restarted and caught up from its own last sequence (the other was at ${before} before the write)`);
    // nginx keeps a replica that failed out of rotation for fail_timeout: a rolling restart waits that long too.
    await sleep((Number(site.match(/fail_timeout=(\d+)s/)?.[1] ?? 10) + 1) * 1000);
  }
  log("rehearsal passed");
}

async function cleanUp() {
  for (const child of children.reverse()) {
    try {
      if (child.stop) child.stop();
      else if (child.exitCode === null) child.kill("SIGTERM");
    } catch (error) {
      console.error(`stopping ${child.label}: ${error.message}`);
    }
  }
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
}

try {
  await main();
  await cleanUp();
} catch (error) {
  console.error(`[rehearsal] FAILED: ${error.message}`);
  for (const child of children.filter((c) => c.output)) console.error(`--- ${child.label}\n${child.output.slice(-4000)}`);
  await cleanUp();
  process.exit(1);
}
