import { describe, expect, it } from 'vitest';
import { listingIn, listingSyntax } from '~/components/lesson/listing-language.ts';

const lines = (...rows: string[]) => rows.join('\n');

describe('listingIn: a listing in one edition', () => {
  const typescript = lines(
    "import * as tf from '@tensorflow/tfjs-core';",
    '',
    '/**',
    ' * en: Grad-CAM: the mean gradient',
    ' * en: weighs each map.',
    ' * ko: Grad-CAM: 평균 그래디언트로',
    ' * ko: 각 맵에 가중치를 준다.',
    ' */',
    'export function f(x: tf.Tensor): tf.Tensor {',
    '  // en: the k smallest',
    '  // ko: 가장 작은 k개',
    '  const y = x.neg(); // A^k: [1, u, v, K]',
    "  const names = { en: 'English', ko: '한국어' };",
    '  return y;',
    '}',
  );

  it('TypeScript, English: untags the English lines, drops the Korean ones, leaves code and untagged comments', () => {
    expect(listingIn(typescript, 'ts', 'en')).toBe(
      lines(
        "import * as tf from '@tensorflow/tfjs-core';",
        '',
        '/**',
        ' * Grad-CAM: the mean gradient',
        ' * weighs each map.',
        ' */',
        'export function f(x: tf.Tensor): tf.Tensor {',
        '  // the k smallest',
        '  const y = x.neg(); // A^k: [1, u, v, K]',
        "  const names = { en: 'English', ko: '한국어' };",
        '  return y;',
        '}',
      ),
    );
  });

  it('TypeScript, Korean: the same code with the Korean comments', () => {
    expect(listingIn(typescript, 'ts', 'ko')).toBe(
      lines(
        "import * as tf from '@tensorflow/tfjs-core';",
        '',
        '/**',
        ' * Grad-CAM: 평균 그래디언트로',
        ' * 각 맵에 가중치를 준다.',
        ' */',
        'export function f(x: tf.Tensor): tf.Tensor {',
        '  // 가장 작은 k개',
        '  const y = x.neg(); // A^k: [1, u, v, K]',
        "  const names = { en: 'English', ko: '한국어' };",
        '  return y;',
        '}',
      ),
    );
  });

  const python = lines(
    'import torch',
    '',
    '',
    'def f(x, c):',
    '    """',
    '    en: Saliency: the largest |dS_c/dI|',
    '    en: over colour channels.',
    '    ko: 현저성 맵: 색 채널에 대한',
    '    ko: |dS_c/dI|의 최댓값.',
    '    """',
    '    # en: the k smallest',
    '    # ko: 가장 작은 k개',
    '    y = -x  # A^k: [1, K, u, v]',
    "    label = {'en': 1}",
    '    return y',
  );

  it('Python, English: docstring and comments in English, the quotes kept, the code unchanged', () => {
    expect(listingIn(python, 'py', 'en')).toBe(
      lines(
        'import torch',
        '',
        '',
        'def f(x, c):',
        '    """',
        '    Saliency: the largest |dS_c/dI|',
        '    over colour channels.',
        '    """',
        '    # the k smallest',
        '    y = -x  # A^k: [1, K, u, v]',
        "    label = {'en': 1}",
        '    return y',
      ),
    );
  });

  it('Python, Korean: docstring and comments in Korean', () => {
    expect(listingIn(python, 'py', 'ko')).toBe(
      lines(
        'import torch',
        '',
        '',
        'def f(x, c):',
        '    """',
        '    현저성 맵: 색 채널에 대한',
        '    |dS_c/dI|의 최댓값.',
        '    """',
        '    # 가장 작은 k개',
        '    y = -x  # A^k: [1, K, u, v]',
        "    label = {'en': 1}",
        '    return y',
      ),
    );
  });

  it('reads a tag only in a comment: an `en:` key in TypeScript code or a Python annotation outside a docstring is code', () => {
    const ts = lines('const labels = {', "  en: 'English',", "  ko: '한국어',", '};');
    expect(listingIn(ts, 'ts', 'en')).toBe(ts);
    expect(listingIn(ts, 'ts', 'ko')).toBe(ts);
    const py = lines('class Labels:', '    en: str = "English"', '    ko: str = "한국어"');
    expect(listingIn(py, 'py', 'en')).toBe(py);
    expect(listingIn(py, 'py', 'ko')).toBe(py);
  });

  it('keeps untagged comments in both editions and an empty tagged line as an empty comment line', () => {
    const ts = lines('// shared note', '// en: first', '// en:', '// en: second', '// ko: 첫째', '// ko:', '// ko: 둘째', 'f();');
    expect(listingIn(ts, 'ts', 'en')).toBe(lines('// shared note', '// first', '//', '// second', 'f();'));
    expect(listingIn(ts, 'ts', 'ko')).toBe(lines('// shared note', '// 첫째', '//', '// 둘째', 'f();'));
  });

  it('does not leave two blank lines where dropping a block joined them, and keeps blank runs the source has', () => {
    const py = lines('a = 1', '', '# en: note', '', 'b = 2', '', '', 'c = 3');
    expect(listingIn(py, 'py', 'ko')).toBe(lines('a = 1', '', 'b = 2', '', '', 'c = 3'));
    expect(listingIn(py, 'py', 'en')).toBe(lines('a = 1', '', '# note', '', 'b = 2', '', '', 'c = 3'));
  });
});

describe('listingSyntax', () => {
  it('names the syntax from the file name and refuses anything else', () => {
    expect(listingSyntax('/listings/grad_cam.py')).toBe('py');
    expect(listingSyntax('/listings/grad-cam.ts')).toBe('ts');
    expect(() => listingSyntax('/listings/README.md')).toThrow(/expected a \.ts or \.py file, got "\/listings\/README\.md"/);
  });
});
