/**
 * Lesson 1 traces the course's colour network layer by layer. Its table must
 * describe the model the book ships, so it is read here and held to the layers
 * saved in objects-cnn's card (written from the trained model).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface CardLayer {
  name: string;
  output: string;
  params: number;
}
const card = JSON.parse(readFileSync('public/models/objects-cnn/card.json', 'utf8')) as { parameters: number; architecture: { layers: CardLayer[] } };
const lesson = readFileSync('content/lessons/convolution-pooling-activation.mdx', 'utf8');
const section = lesson.slice(lesson.indexOf('## Putting it together'), lesson.indexOf('## Peer session'));

/** Table rows: the backticked layer names, "C × H × W" as the card writes it ("HxWxC", or "C" after pooling), parameters. */
const rows = section
  .split('\n')
  .filter((line) => /^\| .*`/.test(line))
  .map((line) => {
    const [layer, shape, params] = line.split('|').slice(1, 4).map((cell) => cell.trim());
    const names = [...layer!.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
    const [c, h, w] = shape!.split(' × ');
    return { names, output: h ? `${h}x${w}x${c}` : c!, params: Number(params!.replace(/,/g, '')) };
  });

describe("lesson 1's network table", () => {
  it('names every layer of objects-cnn once, in order, with its output shape and parameter count', () => {
    expect(rows.flatMap((row) => row.names)).toEqual(card.architecture.layers.map((layer) => layer.name));
    for (const row of rows) {
      const layers = row.names.map((name) => card.architecture.layers.find((layer) => layer.name === name)!);
      expect(row.output).toBe(layers.at(-1)!.output);
      expect(row.params).toBe(layers.reduce((sum, layer) => sum + layer.params, 0));
    }
  });

  it('states the total the card gives', () => {
    expect(section).toContain(`The whole network has ${card.parameters.toLocaleString('en')} parameters.`);
  });
});
