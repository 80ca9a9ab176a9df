import type { DrawnOperation } from '~/engine/augment/policies/operations.ts';
import { fixed, signed } from '~/components/ui/format.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-policy.ts';

const t = strings(pageLang());

/** The op's own numbers, as a reader checks them: degrees, pixels of the image's side, factors, bits, thresholds. */
function amount({ name, op }: NonNullable<DrawnOperation['step']>, size: number): string {
  const v = op as Record<string, number>;
  switch (name) {
    case 'rotate':
      return `${signed(v['degrees']!, 1)}°`;
    case 'shear':
      return v['x'] ? `x ${signed(v['x'], 1)}°` : `y ${signed(v['y']!, 1)}°`;
    case 'translate':
      return v['x'] ? `x ${signed(v['x'] * size, 1)} px` : `y ${signed(v['y']! * size, 1)} px`;
    case 'posterize':
      return t('step.bits', { bits: String(v['bits']) });
    case 'solarize':
      return v['threshold'] === 0 ? t('step.invertsAll') : t('step.inverts', { threshold: fixed(v['threshold']!, 2) });
    case 'brightness':
    case 'saturation':
    case 'contrast':
    case 'sharpness':
      return `× ${fixed(v['factor']!, 2)}`;
    default:
      return '';
  }
}

/** "Rotate 9/30: −9.0°": the operation, its magnitude bin, and what it did. */
export function describeOperation(drawn: DrawnOperation, size: number): string {
  const head =
    drawn.step && ['AutoContrast', 'Equalize', 'Invert'].includes(drawn.operation) ? drawn.operation : `${drawn.operation} ${drawn.bin}/${drawn.bins - 1}`;
  if (!drawn.step) return t('step.noChange', { operation: drawn.operation });
  const detail = amount(drawn.step, size);
  return detail ? `${head}: ${detail}` : head;
}
