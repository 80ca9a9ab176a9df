import type { EngineNotice } from '~/engine/runtime/engine-notice.ts';
import type { Lang } from './lang.ts';

type Words = { [C in EngineNotice['code']]: (notice: Extract<EngineNotice, { code: C }>) => string };

/**
 * The engine's notices in each edition, for the badge's tooltip. English keeps the browser's own error text; the
 * Korean edition says what happened without it (the browser writes it in English).
 */
const WORDS: Record<Lang, Words> = {
  en: {
    'no-webgpu': () => 'this browser has no WebGPU',
    'adapter-timeout': ({ ms }) => `WebGPU adapter request did not answer within ${ms} ms`,
    'adapter-failed': ({ error }) => `WebGPU adapter request failed: ${error}`,
    'no-adapter': () => 'WebGPU offered no adapter',
    'software-adapter': ({ adapter }) => `WebGPU adapter is software (${adapter})`,
    'hardware-adapter': ({ adapter }) => `WebGPU adapter ${adapter}`,
    'backend-not-started': ({ backend, error }) => `${backend} could not start${error ? `: ${error}` : ''}`,
    'backend-failed': ({ backend, error }) => `${backend} failed while computing (${error}); switched to the next backend`,
    'main-thread-asked': () => 'engine on the main thread (?engine=main)',
    'no-worker': () => 'engine on the main thread: this browser cannot run it in a worker',
    'worker-failed': ({ error }) => `engine on the main thread: its worker did not start (${error})`,
  },
  ko: {
    'no-webgpu': () => '이 브라우저에는 WebGPU가 없습니다',
    'adapter-timeout': ({ ms }) => `WebGPU 어댑터 요청이 ${ms} ms 안에 응답하지 않았습니다`,
    'adapter-failed': () => 'WebGPU 어댑터 요청이 실패했습니다',
    'no-adapter': () => 'WebGPU 어댑터를 얻지 못했습니다',
    'software-adapter': ({ adapter }) => `WebGPU 어댑터가 소프트웨어 구현입니다(${adapter})`,
    'hardware-adapter': ({ adapter }) => `WebGPU 어댑터: ${adapter}`,
    'backend-not-started': ({ backend }) => `${backend} 백엔드를 시작하지 못했습니다`,
    'backend-failed': ({ backend }) => `${backend} 백엔드가 계산 중에 실패해 다음 백엔드로 바꿨습니다`,
    'main-thread-asked': () => '엔진이 페이지의 메인 스레드에서 실행됩니다(?engine=main)',
    'no-worker': () => '이 브라우저는 엔진을 워커에서 실행할 수 없어 메인 스레드에서 실행합니다',
    'worker-failed': () => '엔진의 워커가 시작되지 않아 메인 스레드에서 실행합니다',
  },
};

/** One notice in the page's language. */
export function noticeText(notice: EngineNotice, lang: Lang): string {
  const word = WORDS[lang][notice.code] as (notice: EngineNotice) => string;
  return word(notice);
}
