/** Every single-image transform by name, so a plan of named ops (a policy's draw) can be applied and replayed. */
import { cutout } from './erasing/cutout.ts';
import { hideAndSeek } from './erasing/hide-and-seek.ts';
import { randomErasing } from './erasing/random-erasing.ts';
import { horizontalFlip, verticalFlip } from './geometric/flip.ts';
import { perspective } from './geometric/perspective.ts';
import { resizedCrop } from './geometric/resized-crop.ts';
import { rotate } from './geometric/rotate.ts';
import { scale } from './geometric/scale.ts';
import { shear } from './geometric/shear.ts';
import { translate } from './geometric/translate.ts';
import { autocontrast } from './photometric/autocontrast.ts';
import { blur } from './photometric/blur.ts';
import { brightness } from './photometric/brightness.ts';
import { contrast } from './photometric/contrast.ts';
import { equalize } from './photometric/equalize.ts';
import { gamma } from './photometric/gamma.ts';
import { grey } from './photometric/grey.ts';
import { hue } from './photometric/hue.ts';
import { noise } from './photometric/noise.ts';
import { posterize } from './photometric/posterize.ts';
import { saturation } from './photometric/saturation.ts';
import { sharpness } from './photometric/sharpness.ts';
import { solarize } from './photometric/solarize.ts';
import type { Transform } from './sample.ts';

const ALL = [
  brightness, contrast, saturation, hue, gamma, equalize, posterize, solarize, sharpness, autocontrast, grey, noise, blur,
  horizontalFlip, verticalFlip, rotate, translate, scale, shear, resizedCrop, perspective,
  cutout, randomErasing, hideAndSeek,
] as unknown as Transform<unknown, unknown>[];

export const TRANSFORMS: ReadonlyMap<string, Transform<unknown, unknown>> = new Map(ALL.map((t) => [t.name, t]));
