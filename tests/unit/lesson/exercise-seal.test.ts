import { describe, expect, it } from 'vitest';
import { seal, unseal } from '~/components/lesson/exercise-seal.ts';

describe('seal', () => {
  it('round-trips, hides the text, is deterministic per salt, and refuses altered bytes', async () => {
    const text = '<p>Multiply each weight by the pixel under it: −9.</p>';
    const sealed = await seal('glassbox|lesson|id', text);
    expect(sealed).not.toContain('Multiply');
    expect(await seal('glassbox|lesson|id', text)).toBe(sealed);
    expect(await seal('glassbox|lesson|other', text)).not.toBe(sealed);
    expect(await unseal('glassbox|lesson|id', sealed)).toBe(text);
    const bytes = atob(sealed);
    const altered = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    await expect(unseal('glassbox|lesson|id', altered)).rejects.toThrow();
    await expect(unseal('glassbox|lesson|other', sealed)).rejects.toThrow();
  });
});
