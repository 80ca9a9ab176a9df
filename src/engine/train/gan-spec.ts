/**
 * The course's generative adversarial network as data: a small DCGAN
 * (Radford et al. 2016) that draws 32 x 32 Glassbox Objects scenes from a
 * latent code. buildGenerator and buildDiscriminator (build-gan.ts) turn a
 * spec into its two models; GanSession (gan-session.ts) trains them.
 */
export interface GanSpec {
  name: string;
  dataset: 'glassbox-objects';
  /** Length of the latent code z, drawn from a standard normal. */
  latent: number;
  /** Edge of the generated image: the scenes are rendered at 64 and averaged 2 x 2 down to this. */
  size: 32;
  /**
   * Generator channels at 4 x 4 (the projected code) and after each 2x nearest
   * upsampling + 3 x 3 convolution (8, 16, 32 px). Upsampling + convolution
   * instead of a stride-2 transposed convolution: the same doubling, without
   * the checkerboard artefacts, and on wasm the convolution is XNNPACK's fast kernel.
   */
  generator: readonly [number, number, number, number];
  /** Range of the object's longest side in the 64-pixel scene before it is halved: large, so most of a sample is the object rather than its background. */
  objectSize: [number, number];
  /** Backgrounds of the training scenes (SceneOptions.backgrounds). */
  backgrounds: 'any' | 'plain';
  /** Discriminator channels at 32, 16 and 8 px (3 x 3 convolution, leaky ReLU, 2 x 2 average pooling). */
  discriminator: readonly [number, number, number];
  seed: number;
  epochs: number;
  /** Real scenes per epoch (one discriminator and one generator step per batch). */
  samplesPerEpoch: number;
  batchSize: number;
  /** Adam's step size and first-moment decay, for both networks (DCGAN's 2e-4 and 0.5). */
  learningRate: number;
  beta1: number;
}

export const GAN_SPECS: Readonly<Record<string, GanSpec>> = {
  'objects-gan': {
    name: 'objects-gan',
    dataset: 'glassbox-objects',
    latent: 64,
    size: 32,
    generator: [128, 64, 32, 16],
    discriminator: [32, 64, 128],
    // Large objects on flat or gradient backgrounds: with the photos and patterns too, the generator spent its weights on textures.
    objectSize: [36, 56],
    backgrounds: 'plain',
    seed: 7,
    epochs: 40,
    samplesPerEpoch: 3200,
    batchSize: 32,
    learningRate: 2e-4,
    beta1: 0.5,
  },
};

/** The generator layers whose units GAN dissection reads: the ReLU after each upsampling block. */
export const generatorBlock = (level: number): string => `block${level}`;
