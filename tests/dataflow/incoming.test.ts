import { describe, expect, it } from 'vitest';
import { sinkSeesCaller } from '../../src/dataflow/incoming.js';

describe('which module reports a flow through a helper in another module', () => {
  const importers = (file: string) => (file === '/p/audit.ts' ? ['/p/server.ts', '/p/routes/index.ts'] : []);

  it('leaves it to the sink when the sink module asks this caller', () => {
    expect(sinkSeesCaller('/p/server.ts', '/p/audit.ts', 1, importers)).toBe(true);
    expect(sinkSeesCaller('/p/server.ts', '/p/audit.ts', 3, importers)).toBe(true);
  });

  it('keeps it at the caller when the sink would not see the call', () => {
    // Too many functions on the way, a caller the sink module does not ask, or the same module.
    expect(sinkSeesCaller('/p/server.ts', '/p/audit.ts', 4, importers)).toBe(false);
    expect(sinkSeesCaller('/p/other.ts', '/p/audit.ts', 1, importers)).toBe(false);
    expect(sinkSeesCaller('/p/audit.ts', '/p/audit.ts', 1, importers)).toBe(false);
  });
});
