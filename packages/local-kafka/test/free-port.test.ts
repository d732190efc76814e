import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { freePorts } from '../src/free-port.js';

describe('freePorts', () => {
  test('returns distinct ports that can be bound on 127.0.0.1 right after', async () => {
    const ports = await freePorts(3);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect(port).toBeGreaterThan(0);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
