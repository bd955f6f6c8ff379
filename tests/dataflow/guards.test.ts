import { describe, expect, it } from 'vitest';
import { sinkOrigins } from './harness.js';

const route = (body: string) => `const TONES = ['formal', 'pirate']; app.post('/chat', async (req, res) => { ${body} });`;

/**
 * A value compared with your own literals or checked against your own allowlist is one of your
 * values where the check holds: inside the branch, or after an early exit when it fails.
 */
describe('guards on values', () => {
  it('inside the branch where an allowlist check holds', () => {
    expect(sinkOrigins(route(`const { tone } = req.body; if (TONES.includes(tone)) { sink(\`Speak as \${tone}\`); }`))).toEqual([]);
    // Near miss: the other branch.
    expect(sinkOrigins(route(`const { tone } = req.body; if (TONES.includes(tone)) {} else { sink(\`Speak as \${tone}\`); }`))).toEqual(['req.body.tone']);
  });

  it('after an early exit when the value is not in the allowlist', () => {
    expect(sinkOrigins(route(`const tone = req.body.tone; if (!TONES.includes(tone)) return res.status(400).end(); sink(tone);`))).toEqual([]);
    expect(sinkOrigins(route(`const tone = req.body.tone; if (!new Set(TONES).has(tone)) { throw new Error('bad tone'); } sink(tone);`))).toEqual([]);
    // Near misses: a check that only asks whether the value is there, and a check of another value.
    expect(sinkOrigins(route(`const tone = req.body.tone; if (!tone) return res.status(400).end(); sink(tone);`))).toEqual(['req.body.tone -> tone']);
    expect(sinkOrigins(route(`const tone = req.body.tone; if (!TONES.includes(req.body.mood)) return res.status(400).end(); sink(tone);`))).toEqual([
      'req.body.tone -> tone',
    ]);
  });

  it('after an early exit unless the value equals one of your literals', () => {
    expect(sinkOrigins(route(`const tone = req.body.tone; if (tone !== 'formal' && tone !== 'pirate') return res.sendStatus(400); sink(tone);`))).toEqual([]);
    expect(sinkOrigins(route(`const tone = req.body.tone; if (!(tone === 'formal' || tone === 'pirate')) return res.sendStatus(400); sink(tone);`))).toEqual([]);
    // Near miss: an exit when the value equals a literal leaves every other value.
    expect(sinkOrigins(route(`const tone = req.body.tone; if (tone === 'formal' || tone.length > 20) return res.sendStatus(400); sink(tone);`))).toEqual([
      'req.body.tone -> tone',
    ]);
  });

  it('an allowlist the client controls is no guard', () => {
    expect(sinkOrigins(route(`const tone = req.body.tone; if (!req.body.allowed.includes(tone)) return res.sendStatus(400); sink(tone);`))).toEqual([
      'req.body.tone -> tone',
    ]);
    expect(sinkOrigins(route(`const seen = new Set(); seen.add(req.body.tone); const tone = req.body.tone; if (!seen.has(tone)) return res.sendStatus(400); sink(tone);`))).toEqual([
      'req.body.tone -> tone',
    ]);
  });

  it('a check of another variable of the same name, or a value written again after the check, keeps the data', () => {
    expect(sinkOrigins(route(`let tone = req.body.tone; if (!TONES.includes(tone)) return res.sendStatus(400); tone = req.body.other; sink(tone);`))).toEqual([
      // Variables are followed without regard to order: both values it may hold.
      'req.body.tone -> tone',
      'req.body.other -> tone',
    ]);
    expect(
      sinkOrigins(route(`const tone = req.body.tone; if (!TONES.includes(tone)) return res.sendStatus(400); for (const tone of req.body.tones) { sink(tone); }`)),
    ).toEqual(['req.body.tones -> tone']);
  });

  it('a read before the check, or in a block the exit does not cover, keeps the data', () => {
    expect(sinkOrigins(route(`const tone = req.body.tone; sink(tone); if (!TONES.includes(tone)) return res.sendStatus(400);`))).toEqual(['req.body.tone -> tone']);
    expect(
      sinkOrigins(route(`const tone = req.body.tone; if (req.body.strict) { if (!TONES.includes(tone)) return res.sendStatus(400); } sink(tone);`)),
    ).toEqual(['req.body.tone -> tone']);
  });
});
