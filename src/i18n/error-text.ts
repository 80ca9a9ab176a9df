import { GlassboxError, type ErrorCode, type ErrorValues } from '~/engine/shared/errors.ts';
import { pageLang, type Lang } from './lang.ts';

type Worded = Exclude<ErrorCode, 'superseded'>;

/**
 * The engine writes its errors in English, as technical sentences (their messages). The Korean edition words
 * each one from its code and values instead; a code without an entry here does not compile.
 */
const KOREAN: { [C in Worded]: (values: ErrorValues[C]) => string } = {
  'bad-argument': ({ fn, arg, got }) => `이 값으로는 계산할 수 없습니다(${fn}의 인수 ${arg} = ${got}).`,
  'backend-unavailable': ({ tried }) => `이 브라우저에서 계산 엔진을 시작하지 못했습니다. 시도한 백엔드: ${tried}.`,
  'model-load': ({ model }) => `모델을 불러오지 못했습니다(${model}).`,
  'image-decode': ({ source }) => `이미지를 읽지 못했습니다(${source}).`,
  'image-too-large': ({ source }) => `이미지가 너무 큽니다(${source}).`,
  'bad-state': ({ where }) => `위젯 상태를 읽을 수 없습니다(항목: ${where}).`,
  'out-of-order': ({ where }) => `계산이 잘못된 순서로 호출되어 중단되었습니다(${where}). 페이지를 새로 고쳐 보세요.`,
};

/** Any other failure (an error of TensorFlow.js or of the browser), in Korean. */
const KOREAN_OTHER = '예기치 않은 오류가 발생했습니다.';

/**
 * An error as a sentence for the reader, in the page's language: on English pages the engine's own sentence; on
 * Korean pages the Korean wording of its code, or the message itself when the page made the error in Korean.
 */
export function errorText(error: unknown, lang: Lang = pageLang()): string {
  const message = error instanceof Error ? error.message : String(error);
  if (lang === 'en' || (error instanceof GlassboxError && error.worded)) return message;
  // The engine's technical sentence stays within a developer's reach.
  console.warn(error);
  if (error instanceof GlassboxError && error.code !== 'superseded') {
    const word = KOREAN[error.code as Worded] as (values: ErrorValues[Worded]) => string;
    return word(error.values as ErrorValues[Worded]);
  }
  return KOREAN_OTHER;
}
