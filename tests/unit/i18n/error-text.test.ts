import { describe, expect, it, vi } from 'vitest';
import { fromWire, toWire } from '~/engine/runtime/protocol.ts';
import { badArgument, GlassboxError } from '~/engine/shared/errors.ts';
import { decodeState } from '~/engine/shared/state.ts';
import { noticeText } from '~/i18n/engine-notice-text.ts';
import type { EngineNotice } from '~/engine/runtime/engine-notice.ts';
import { errorText } from '~/i18n/error-text.ts';

/** An English phrase: two lowercase words in a row. Korean text may hold names and numbers, never that. */
const ENGLISH = /\b[a-z]{2,} [a-z]{2,}\b/;

describe('errorText', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);

  it("shows the engine's sentence on English pages and words the code and values on Korean ones", () => {
    const error = badArgument('occlusionMap', 'stride', 'an integer of at least 1', 0);
    expect(errorText(error, 'en')).toBe('occlusionMap(stride): expected an integer of at least 1, got 0');
    expect(errorText(error, 'ko')).toBe('이 값으로는 계산할 수 없습니다(occlusionMap의 인수 stride = 0).');
  });

  it('shows a list or a long string by its start, without English words', () => {
    expect(badArgument('f', 'x', 'a number', [1, 2, 3, 4, 5, 6]).values.got).toBe('[1, 2, 3, 4, … (6)]');
    expect(badArgument('f', 'x', 'a number', 'y'.repeat(80)).values.got).toBe(`"${'y'.repeat(60)}…"`);
  });

  it("keeps a worker's error's values across the wire", () => {
    const error = fromWire(toWire(new GlassboxError('model-load', 'loadModel: /models/x/model.json could not be loaded (404)', { model: 'x' }, 'a hint')));
    expect(errorText(error, 'ko')).toBe('모델을 불러오지 못했습니다(x).');
    expect(errorText(error, 'en')).toBe('loadModel: /models/x/model.json could not be loaded (404) (a hint)');
  });

  it("words a link that holds no widget state by the field it names", () => {
    let thrown: unknown;
    try {
      decodeState('not-a-state', 'conv-explorer');
    } catch (error) {
      thrown = error;
    }
    expect(errorText(thrown, 'ko')).toBe('위젯 상태를 읽을 수 없습니다(항목: state).');
    expect(errorText(thrown, 'en')).toMatch(/^decodeState: the link does not hold a widget state/);
  });

  it('shows an error the page already worded as it is, and any other error in Korean words', () => {
    expect(errorText(new GlassboxError('image-decode', '“a.png”을 읽을 수 없습니다.', { source: 'a.png' }, undefined, { worded: true }), 'ko')).toBe('“a.png”을 읽을 수 없습니다.');
    expect(errorText(new TypeError('Failed to fetch'), 'ko')).toBe('예기치 않은 오류가 발생했습니다.');
    expect(errorText(new TypeError('Failed to fetch'), 'en')).toBe('Failed to fetch');
  });

  it('never puts an English phrase in a Korean error', () => {
    const errors = [
      new GlassboxError('backend-unavailable', 'Engine: no TensorFlow.js backend could start', { tried: 'wasm, webgl, cpu' }),
      new GlassboxError('image-decode', '/images/x.png could not be loaded (HTTP 404)', { source: '/images/x.png' }),
      new GlassboxError('image-too-large', 'too large', { source: 'big.png' }),
      new GlassboxError('bad-state', 'parseWidgetState: params.k: too big', { where: 'params.k' }),
      new GlassboxError('out-of-order', 'SmoothGrad.step: call init(input) first', { where: 'SmoothGrad.step' }),
    ];
    for (const error of errors) {
      const text = errorText(error, 'ko');
      expect(text, error.code).toMatch(/[가-힣]/);
      expect(text, error.code).not.toMatch(ENGLISH);
    }
  });
});

describe('noticeText', () => {
  const notices: EngineNotice[] = [
    { code: 'no-webgpu' },
    { code: 'adapter-timeout', ms: 2000 },
    { code: 'adapter-failed', error: 'Error: denied' },
    { code: 'no-adapter' },
    { code: 'software-adapter', adapter: 'google swiftshader' },
    { code: 'hardware-adapter', adapter: 'nvidia hopper' },
    { code: 'backend-not-started', backend: 'webgl', error: 'Error: no context' },
    { code: 'backend-not-started', backend: 'wasm' },
    { code: 'backend-failed', backend: 'webgpu', error: 'Error: lost' },
    { code: 'main-thread-asked' },
    { code: 'no-worker' },
    { code: 'worker-failed', error: 'blocked' },
  ];

  it('says in English what the badge said before the notices became codes', () => {
    expect(notices.map((notice) => noticeText(notice, 'en'))).toEqual([
      'this browser has no WebGPU',
      'WebGPU adapter request did not answer within 2000 ms',
      'WebGPU adapter request failed: Error: denied',
      'WebGPU offered no adapter',
      'WebGPU adapter is software (google swiftshader)',
      'WebGPU adapter nvidia hopper',
      'webgl could not start: Error: no context',
      'wasm could not start',
      'webgpu failed while computing (Error: lost); switched to the next backend',
      'engine on the main thread (?engine=main)',
      'engine on the main thread: this browser cannot run it in a worker',
      'engine on the main thread: its worker did not start (blocked)',
    ]);
  });

  it('says each in Korean, with names and numbers but no English phrase', () => {
    for (const notice of notices) {
      // The adapter's name is the browser's (google swiftshader): a name, not a phrase.
      const text = noticeText(notice, 'ko').replace('adapter' in notice ? notice.adapter : '', '');
      expect(text, notice.code).toMatch(/[가-힣]/);
      expect(text, notice.code).not.toMatch(ENGLISH);
    }
    expect(noticeText({ code: 'adapter-timeout', ms: 2000 }, 'ko')).toBe('WebGPU 어댑터 요청이 2000 ms 안에 응답하지 않았습니다');
  });
});
