import { defineStrings } from '../strings.ts';

/** The convolution lesson's ReLU and max-pooling lab and its output-size calculator. */
export default defineStrings(
  {
    // ReluPoolLab
    reluTitle: 'ReLU and max pooling',
    layerSettings: 'Layer settings',
    kernel: 'Kernel',
    poolSize: 'Pool size',
    poolStride: 'Pool stride',
    featureCaption: 'Y = conv(X) (stride 1, padding 1)',
    pooledCaption: 'P = max pool of ReLU(Y)',
    pointAtP: 'Point at a pixel of P to see its window.',
    windowCaption: 'Window of Y and ReLU(Y)',
    pools: 'P[{i}, {j}] pools rows {top}–{bottom} and columns {left}–{right} of ReLU(Y); negative values of Y (struck out) became 0.',
    loadingEngine: 'Loading the engine…',
    // ShapeCalculator
    shapeTitle: 'Output-size calculator',
    inputSize: 'Input size N',
    kernelSize: 'Kernel size K',
    padding: 'Padding P',
    stride: 'Stride S',
    stripKey: 'One row of the padded input: dashed cells are padding, blue cells are where a window starts, red cells are never covered.',
    lostOne: 'The stride does not divide N + 2P − K: the last {n} padded row is never covered by a window.',
    lostMany: 'The stride does not divide N + 2P − K: the last {n} padded rows are never covered by a window.',
    checkSkipped: 'Cross-check skipped: a real convolution this large would hold the page for too long.',
    checked: 'Cross-check: TensorFlow.js convolved the {n} × {n} input and returned a {rows} × {cols} feature map.',
    checkedAgrees: 'Cross-check: TensorFlow.js convolved the {n} × {n} input and returned a {rows} × {cols} feature map, as the formula says.',
  },
  {
    // ReluPoolLab
    reluTitle: 'ReLU와 최대 풀링',
    layerSettings: '층 설정',
    kernel: '커널',
    poolSize: '풀링 크기',
    poolStride: '풀링 스트라이드',
    featureCaption: 'Y = conv(X) (스트라이드 1, 패딩 1)',
    pooledCaption: 'P = ReLU(Y)의 최대 풀링',
    pointAtP: 'P의 픽셀을 가리키면 그 윈도를 볼 수 있습니다.',
    windowCaption: 'Y와 ReLU(Y)의 윈도',
    pools: 'P[{i}, {j}]는 ReLU(Y)의 {top}–{bottom}행, {left}–{right}열을 풀링합니다. Y의 음수 값(취소선)은 0이 되었습니다.',
    loadingEngine: '엔진을 불러오는 중…',
    // ShapeCalculator
    shapeTitle: '출력 크기 계산기',
    inputSize: '입력 크기 N',
    kernelSize: '커널 크기 K',
    padding: '패딩 P',
    stride: '스트라이드 S',
    stripKey: '패딩된 입력의 한 행입니다. 점선 칸은 패딩, 파란 칸은 윈도가 시작하는 곳, 빨간 칸은 어떤 윈도에도 덮이지 않는 곳입니다.',
    lostOne: 'N + 2P − K가 스트라이드로 나누어떨어지지 않습니다. 패딩된 입력의 마지막 {n}개 행은 어떤 윈도에도 덮이지 않습니다.',
    lostMany: 'N + 2P − K가 스트라이드로 나누어떨어지지 않습니다. 패딩된 입력의 마지막 {n}개 행은 어떤 윈도에도 덮이지 않습니다.',
    checkSkipped: '교차 확인 생략: 이만큼 큰 합성곱을 실제로 계산하면 페이지가 너무 오래 멈춥니다.',
    checked: '교차 확인: TensorFlow.js로 {n} × {n} 입력을 합성곱하니 {rows} × {cols} 특징 맵이 나왔습니다.',
    checkedAgrees: '교차 확인: TensorFlow.js로 {n} × {n} 입력을 합성곱하니 공식대로 {rows} × {cols} 특징 맵이 나왔습니다.',
  },
);
