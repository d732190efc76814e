import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '@kubernetes-models/base';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Service, type IConfigMap, type IContainer, type IPodSpec, type IService } from 'kubernetes-models/v1';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';

// No cluster runs here, so the manifests are checked as `kubectl apply` would check them before anything runs:
// each document against the Kubernetes OpenAPI schema of its kind (kubernetes-models, Kubernetes 1.34), and for
// fields the schema does not know (kubectl's default strict field validation refuses them; the schema alone lets
// a misspelt `livenesProbe` through), through TypeScript's excess-property check against the same models' types.
// Then what the README promises of them.

const here = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const FILES = ['active-standby-deployment.yaml', 'sidecar-deployment.yaml'] as const;

/** Each kind the examples use: its model (schema validation) and where its type lives (field check). */
const KINDS: Record<string, { model: new (data: never) => Model<unknown>; type: string; from: string }> = {
  'v1/ConfigMap': { model: ConfigMap, type: 'IConfigMap', from: 'kubernetes-models/v1' },
  'v1/Service': { model: Service, type: 'IService', from: 'kubernetes-models/v1' },
  'apps/v1/Deployment': { model: Deployment, type: 'IDeployment', from: 'kubernetes-models/apps/v1' },
  'policy/v1/PodDisruptionBudget': { model: PodDisruptionBudget, type: 'IPodDisruptionBudget', from: 'kubernetes-models/policy/v1' },
};

/** The clean handover bound: the next pod is active under 4 s after the active's disconnect() (measured 2.0 s). */
const HANDOVER_SECONDS = 4;

interface Manifest {
  readonly label: string;
  readonly doc: Record<string, unknown>;
}

function parse(file: string, text: string): { manifests: Manifest[]; problems: string[] } {
  const manifests: Manifest[] = [];
  const problems: string[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    const label = `${file}#${index}`;
    const errors = [...document.errors, ...document.warnings];
    for (const error of errors) problems.push(`${label}: ${error.message}`);
    if (errors.length > 0) return;
    const doc = document.toJS() as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) problems.push(`${label}: not a mapping`);
    else manifests.push({ label, doc: doc as Record<string, unknown> });
  });
  return { manifests, problems };
}

function kindOf({ doc }: Manifest): string {
  return `${String(doc.apiVersion)}/${String(doc.kind)}`;
}

/** Schema validation of each document; a problem per document that fails, naming the fields. */
function schemaProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  for (const manifest of manifests) {
    const kind = KINDS[kindOf(manifest)];
    if (kind === undefined) {
      problems.push(`${manifest.label}: ${kindOf(manifest)} is not a kind this test knows`);
      continue;
    }
    try {
      new kind.model(manifest.doc as never).validate();
    } catch (error) {
      problems.push(`${manifest.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/** Fields that no version of the kind's schema has: each document as a typed object literal, through tsc. */
function unknownFieldProblems(manifests: readonly Manifest[], name: string): string[] {
  const directory = join(root, 'node_modules/.cache/kubernetes-manifests');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${name}.ts`);
  const lines: string[] = [];
  const starts: { line: number; label: string }[] = [];
  manifests.forEach((manifest, index) => {
    const kind = KINDS[kindOf(manifest)];
    if (kind === undefined) return;
    lines.push(`import type { ${kind.type} as T${index} } from '${kind.from}';`);
  });
  manifests.forEach((manifest, index) => {
    if (KINDS[kindOf(manifest)] === undefined) return;
    starts.push({ line: lines.join('\n').split('\n').length, label: manifest.label });
    lines.push(`export const doc${index}: T${index} = ${JSON.stringify(manifest.doc, null, 2)};`);
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const label = starts.findLast((start) => start.line <= line)?.label ?? diagnostic.file.fileName;
    return `${label}: ${message}`;
  });
}

function check(files: Record<string, string>, name: string): string[] {
  const parsed = Object.entries(files).map(([file, text]) => parse(file, text));
  const manifests = parsed.flatMap((result) => result.manifests);
  return [...parsed.flatMap((result) => result.problems), ...schemaProblems(manifests), ...unknownFieldProblems(manifests, name)];
}

const texts = Object.fromEntries(FILES.map((file) => [file, readFileSync(join(here, file), 'utf8')]));
const byFile = Object.fromEntries(FILES.map((file) => [file, parse(file, texts[file]!).manifests.map(({ doc }) => doc)]));

function only<T>(file: string, kind: string): T {
  const found = byFile[file]!.filter((doc) => `${String(doc.apiVersion)}/${String(doc.kind)}` === kind);
  expect(found, `${file}: one ${kind}`).toHaveLength(1);
  return found[0] as T;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  return selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** The container that is the group's member: the app in the Node example, the sidecar in the other. */
function member(spec: IPodSpec): IContainer {
  const all = [...spec.containers, ...(spec.initContainers ?? [])];
  const found = all.filter((container) => container.ports?.some((port) => port.name === 'role'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the Kubernetes example manifests', () => {
  it('are valid Kubernetes objects: YAML, the schema of their kind, no unknown field', () => {
    expect(Object.values(byFile).flat().length).toBeGreaterThanOrEqual(7);
    expect(check(texts, 'examples')).toEqual([]);
  });

  it('fail the check when broken: a wrong type, a probe port as an object, a misspelt field, a duplicate key', () => {
    const deployment = structuredClone(byFile['active-standby-deployment.yaml']!.find((doc) => doc.kind === 'Deployment')!) as unknown as IDeployment;
    const container = deployment.spec!.template.spec!.containers[0]!;
    const wrongTypes = structuredClone(deployment) as unknown as { spec: Record<string, unknown> };
    wrongTypes.spec.replicas = 'three';
    const objectPort = structuredClone(deployment);
    objectPort.spec!.template.spec!.containers[0]!.livenessProbe!.httpGet!.port = { name: 'role' } as unknown as string;
    const misspelt = structuredClone(deployment);
    const misspeltContainer = misspelt.spec!.template.spec!.containers[0]! as unknown as Record<string, unknown>;
    misspeltContainer.livenesProbe = container.livenessProbe;
    delete misspeltContainer.livenessProbe;

    // The schema alone lets the misspelt field through (the liveness probe would silently be gone).
    expect(schemaProblems([{ label: 'misspelt', doc: misspelt as unknown as Record<string, unknown> }])).toEqual([]);
    const problems = check(
      {
        'replicas.yaml': stringify(wrongTypes),
        'port.yaml': stringify(objectPort),
        'misspelt.yaml': stringify(misspelt),
        'duplicate.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
      },
      'broken',
    );
    expect(problems.find((problem) => problem.startsWith('replicas.yaml#0: ') && problem.includes('data/spec/replicas must be integer'))).toBeDefined();
    expect(problems.find((problem) => problem.startsWith('port.yaml#0: ') && problem.includes('livenessProbe/httpGet/port must be'))).toBeDefined();
    expect(problems.find((problem) => problem.startsWith('misspelt.yaml#0: ') && /'"livenesProbe"' does not exist in type 'IContainer'/.test(problem))).toBeDefined();
    expect(problems.find((problem) => problem.startsWith('duplicate.yaml#0: ') && /unique/i.test(problem))).toBeDefined();
    // A kind nobody checks is refused, not let through.
    expect(check({ 'job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: a\n' }, 'unknown-kind')).toEqual([
      'job.yaml#0: batch/v1/Job is not a kind this test knows',
    ]);
  });

  it.each(FILES)('%s: three members named after their pods, probed on /healthz, the role on port 8080 named role', (file) => {
    const deployment = only<IDeployment>(file, 'apps/v1/Deployment');
    const spec = deployment.spec!;
    expect(spec.replicas).toBe(3);
    const template = spec.template;
    expect(selects(spec.selector.matchLabels, template.metadata?.labels)).toBe(true);
    const pod = template.spec!;
    const role = member(pod);

    expect(role.env?.find((env) => env.name === 'POD_NAME')?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
    expect(role.ports?.filter((port) => port.name === 'role')).toEqual([{ name: 'role', containerPort: 8080, protocol: 'TCP' }]);
    // Liveness and readiness (and startup) on /healthz, whatever the role: no probe asks /role.
    for (const probe of [role.livenessProbe, role.readinessProbe, role.startupProbe]) expect(probe?.httpGet).toEqual({ path: '/healthz', port: 'role' });
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) expect(probe?.httpGet?.path).not.toBe('/role');
    }

    // The brokers come from the ConfigMap of the same file, which has that key.
    const brokers = role.env?.find((env) => env.name === 'KAFKA_BROKERS')?.valueFrom?.configMapKeyRef;
    const configMap = only<IConfigMap>(file, 'v1/ConfigMap');
    expect(brokers?.name).toBe(configMap.metadata?.name);
    expect(configMap.data?.[brokers!.key]).toMatch(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/);
  });

  it.each(FILES)('%s: a budget of one disruption over these pods, a grace period longer than preStop plus the handover', (file) => {
    const pod = only<IDeployment>(file, 'apps/v1/Deployment').spec!.template;
    const budget = only<IPodDisruptionBudget>(file, 'policy/v1/PodDisruptionBudget').spec!;
    expect(budget.maxUnavailable).toBe(1);
    expect(selects(budget.selector?.matchLabels, pod.metadata?.labels)).toBe(true);
    // It does not count the pods of the other example.
    for (const other of FILES.filter((name) => name !== file)) {
      expect(selects(budget.selector?.matchLabels, only<IDeployment>(other, 'apps/v1/Deployment').spec!.template.metadata?.labels)).toBe(false);
    }

    const spec = pod.spec!;
    const containers = [...spec.containers, ...(spec.initContainers ?? [])];
    const preStop = Math.max(0, ...containers.map((container) => container.lifecycle?.preStop?.sleep?.seconds ?? 0));
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + HANDOVER_SECONDS);
    expect(preStop).toBeGreaterThan(0);
  });

  it.each(FILES)('%s: non-root, read-only root file system, no privilege escalation, resource requests', (file) => {
    const spec = only<IDeployment>(file, 'apps/v1/Deployment').spec!.template.spec!;
    expect(spec.securityContext?.runAsNonRoot).toBe(true);
    for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
      expect(container.securityContext, container.name).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      expect(Object.keys(container.resources?.requests ?? {}).sort(), container.name).toEqual(['cpu', 'memory']);
    }
  });

  it('active-standby-deployment.yaml runs app.ts, which serves the role where the manifest probes it', () => {
    const spec = only<IDeployment>('active-standby-deployment.yaml', 'apps/v1/Deployment').spec!.template.spec!;
    expect(spec.containers).toHaveLength(1);
    expect(spec.containers[0]!.command).toEqual(['node', 'app.js']);
    const app = readFileSync(join(here, 'app.ts'), 'utf8');
    expect(app).toContain("await serveRole(assignor, { host: '0.0.0.0', port: 8080, registry, consumer })");
    expect(app).toContain('activeStandbyAssignor({ name: process.env.POD_NAME,');
    expect(app).toMatch(/process\.once\('SIGTERM'[\s\S]*consumer\.disconnect\(\)/);
    for (const setting of ['sessionTimeout: 10_000', 'heartbeatInterval: 1_000', 'rebalanceTimeout: 30_000', 'maxWaitTimeInMs: 1_000']) expect(app).toContain(setting);
    // The headless Service reaches every pod's role port.
    const service = only<IService>('active-standby-deployment.yaml', 'v1/Service').spec!;
    expect(service.clusterIP).toBe('None');
    expect(selects(service.selector, only<IDeployment>('active-standby-deployment.yaml', 'apps/v1/Deployment').spec!.template.metadata?.labels)).toBe(true);
    expect(service.ports).toEqual([{ name: 'role', port: 8080, targetPort: 'role', protocol: 'TCP' }]);
  });

  it('sidecar-deployment.yaml: the app and the sidecar, which starts first and stops last, run with the options of the plan', () => {
    const spec = only<IDeployment>('sidecar-deployment.yaml', 'apps/v1/Deployment').spec!.template.spec!;
    expect(spec.containers).toHaveLength(1);
    expect(spec.initContainers).toHaveLength(1);
    const sidecar = spec.initContainers![0]!;
    expect(sidecar.restartPolicy).toBe('Always');
    expect(sidecar.image).toMatch(/^node:/);
    const command = sidecar.command!.join(' ');
    expect(command).toMatch(/^npx .*kafka-assignors sidecar /);
    for (const option of ['--brokers $(KAFKA_BROKERS)', '--group billing', '--topic billing-events', '--name $(POD_NAME)', '--priority 0', '--port 8080', '--host 0.0.0.0']) {
      expect(command).toContain(option);
    }
    const app = spec.containers[0]!;
    expect(app.env?.find((env) => env.name === 'ROLE_URL')?.value).toBe('http://127.0.0.1:8080/role');
    expect(app.env?.find((env) => env.name === 'ROLE_EVENTS_URL')?.value).toBe('http://127.0.0.1:8080/events');
  });
});
