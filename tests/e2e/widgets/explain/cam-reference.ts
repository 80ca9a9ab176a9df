/**
 * An independent reading of objects-cnn for the CAM tests: the model's saved
 * topology and weights are fetched and replayed with plain tfjs-core ops of
 * the page's engine (conv2d, maxPool, batch norm written out, mean, matMul),
 * without the engine's probe or explain code. Runs inside the page.
 */
export interface ReferenceArgs {
  image: number[];
  classIndex: number;
  layer: string;
}

export interface Reference {
  /** Spatial mean of dy^c/dA^k at `layer`, one per channel. */
  alphas: number[];
  /** y^c, the logit. */
  logit: number;
  /** The dense kernel's column for c, [K]. */
  denseColumn: number[];
  /** Positions of the pooled layer. */
  z: number;
}

export async function referenceGradients({ image, classIndex, layer }: ReferenceArgs): Promise<Reference> {
  const tf = (await window.glassbox!.engine!).tf;
  type T = ReturnType<typeof tf.tensor>;
  const json = await (await fetch('/models/objects-cnn/model.json')).json();
  const layers: { class_name: string; config: Record<string, unknown> }[] = json.modelTopology.config.layers ?? json.modelTopology.model_config.config.layers;
  const specs: { name: string; shape: number[]; dtype: string }[] = json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights);
  const buffers = await Promise.all(json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths).map(async (p: string) => new Uint8Array(await (await fetch(`/models/objects-cnn/${p}`)).arrayBuffer())));
  const bytes = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  buffers.reduce((offset, b) => (bytes.set(b, offset), offset + b.length), 0);
  const weights = new Map<string, T>();
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== 'float32') throw new Error(`reference: weight ${spec.name} is ${spec.dtype}`);
    const size = spec.shape.reduce((a, b) => a * b, 1);
    weights.set(spec.name, tf.tensor(new Float32Array(bytes.buffer.slice(offset, offset + size * 4)), spec.shape));
    offset += size * 4;
  }
  const w = (layerName: string, what: string) => [...weights.entries()].find(([name]) => name.endsWith(`${layerName}/${what}`))?.[1];
  const apply = (x: T, l: { class_name: string; config: Record<string, unknown> }): T => {
    const c = l.config;
    const name = c['name'] as string;
    switch (l.class_name) {
      case 'Rescaling': return x.mul(c['scale'] as number).add(c['offset'] as number);
      case 'Conv2D': {
        const strides = c['strides'] as [number, number];
        let y = tf.conv2d(x as never, w(name, 'kernel') as never, strides, c['padding'] as 'same') as T;
        const bias = w(name, 'bias');
        if (bias) y = y.add(bias);
        return c['activation'] === 'relu' ? tf.relu(y) : y;
      }
      case 'MaxPooling2D': return tf.maxPool(x as never, c['pool_size'] as [number, number], (c['strides'] ?? c['pool_size']) as [number, number], 'valid') as T;
      case 'BatchNormalization':
        return x.sub(w(name, 'moving_mean')!).div(w(name, 'moving_variance')!.add(c['epsilon'] as number).sqrt()).mul(w(name, 'gamma')!).add(w(name, 'beta')!);
      case 'ReLU': return tf.relu(x);
      case 'GlobalAveragePooling2D': return x.mean([1, 2]);
      case 'Dense': return tf.matMul(x as never, w(name, 'kernel') as never).add(w(name, 'bias')!) as T;
      default: throw new Error(`reference: no rule for ${l.class_name}`);
    }
  };
  const at = layers.findIndex((l) => l.config['name'] === layer);
  const gap = layers.findIndex((l) => l.class_name === 'GlobalAveragePooling2D');
  const result = tf.tidy(() => {
    const x = tf.tensor4d(image, [1, 64, 64, 3]);
    const a = layers.slice(0, at + 1).reduce(apply, x);
    const score = (t: T) => layers.slice(at + 1).reduce(apply, t).slice([0, classIndex], [1, 1]).sum();
    const grad = tf.grad(score)(a);
    const pooled = layers.slice(0, gap).reduce(apply, x);
    return { alphas: grad.mean([0, 1, 2]), logit: score(a), column: tf.gather(w('logits', 'kernel')!, [classIndex], 1).reshape([-1]), z: pooled.shape[1]! * pooled.shape[2]! };
  });
  const [alphas, logit, column] = await Promise.all([result.alphas.data(), result.logit.data(), result.column.data()]);
  tf.dispose([result.alphas, result.logit, result.column, ...weights.values()]);
  return { alphas: Array.from(alphas), logit: logit[0]!, denseColumn: Array.from(column), z: result.z };
}
