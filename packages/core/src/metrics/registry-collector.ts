import { Counter, Gauge, Histogram, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration, type Registry } from 'prom-client';

type Collector = Counter | Gauge | Histogram;

/**
 * The collector of that name on the registry, created there the first time: every instrumented member of a
 * process may share one registry, and prom-client refuses a second metric of the same name.
 */
function registered<C extends Collector>(registry: Registry, name: string, create: () => C, kind: abstract new (...args: never[]) => C): C {
  const existing = registry.getSingleMetric(name);
  if (existing === undefined) return create();
  if (!(existing instanceof kind)) throw new TypeError(`the registry already holds a metric named ${name} of another type`);
  return existing;
}

/** The registry's counter of that name, created with `configuration` the first time. */
export function registeredCounter<L extends string>(registry: Registry, configuration: CounterConfiguration<L>): Counter<L> {
  return registered(registry, configuration.name, () => new Counter({ ...configuration, registers: [registry] }), Counter);
}

/** The registry's gauge of that name, created with `configuration` (its `collect` included) the first time. */
export function registeredGauge<L extends string>(registry: Registry, configuration: GaugeConfiguration<L>): Gauge<L> {
  return registered(registry, configuration.name, () => new Gauge({ ...configuration, registers: [registry] }), Gauge);
}

/** The registry's histogram of that name, created with `configuration` the first time. */
export function registeredHistogram<L extends string>(registry: Registry, configuration: HistogramConfiguration<L>): Histogram<L> {
  return registered(registry, configuration.name, () => new Histogram({ ...configuration, registers: [registry] }), Histogram);
}
