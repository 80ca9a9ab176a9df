import { defineStrings } from '../strings.ts';

/** The convolution explorer and the guided ReLU example. */
export default defineStrings(
  {
    // ConvExplorer
    convTitle: 'Convolution explorer',
    convLegend: 'Stride, padding, bias',
    inputCaption: 'Input X (grey levels 0–255)',
    outputCaption: 'Feature map Y',
    convHint: 'Point at a pixel of the feature map to see the sum that made it.',
    productsCaption: 'K times X for each kernel position',
    loadingEngine: 'Loading the engine…',
    reads: 'Output pixel Y[{i}, {j}] reads input rows {top}–{bottom} and columns {left}–{right}.',
    readsPadded: 'Output pixel Y[{i}, {j}] reads input rows {top}–{bottom} and columns {left}–{right}; the grey cells lie in the padding, where X is 0.',
    // GuidedReluExample
    reluTitle: 'One ReLU, three ways back',
    reluIntro:
      "Edit the pre-activations <i>z</i> and the gradient <i>R</i> arriving from the layer above. The rows below are computed by the engine's ReLU, its deconvnet gate and its guided ReLU, exactly as in the saliency maps.",
    reluRegion: 'The guided ReLU example (scrolls sideways)',
    reluCaption: 'Forward and backward passes of a ReLU on six numbers',
    preActivation: 'pre-activation',
    gradientFromAbove: 'gradient from above',
    forwardPass: 'forward pass',
    forwardMask: 'forward mask',
    backwardMask: 'backward mask',
    backprop: 'back\u00adpropagation',
    deconvnet: 'deconvnet',
    guided: 'guided back\u00adpropagation',
    needsNumbers: 'Every cell needs a number.',
  },
  {
    // ConvExplorer
    convTitle: '합성곱 탐색기',
    convLegend: '스트라이드, 패딩, 편향',
    inputCaption: '입력 X (회색 농도 0–255)',
    outputCaption: '특징 맵 Y',
    convHint: '특징 맵의 픽셀을 가리키면 그 값을 만든 합을 볼 수 있습니다.',
    productsCaption: '커널의 각 위치에서 K와 X의 곱',
    loadingEngine: '엔진을 불러오는 중…',
    reads: '출력 픽셀 Y[{i}, {j}]는 입력의 {top}–{bottom}행, {left}–{right}열을 읽습니다.',
    readsPadded: '출력 픽셀 Y[{i}, {j}]는 입력의 {top}–{bottom}행, {left}–{right}열을 읽습니다. 회색 칸은 X가 0인 패딩에 있습니다.',
    // GuidedReluExample
    reluTitle: 'ReLU 하나, 거꾸로 가는 세 가지 길',
    reluIntro:
      '활성화 이전 값 <i>z</i>와 위 층에서 내려오는 그래디언트 <i>R</i>을 고쳐 보세요. 아래 행들은 엔진의 ReLU, deconvnet 게이트, 가이드 ReLU가 현저성 맵을 만들 때와 똑같이 계산합니다.',
    reluRegion: '가이드 ReLU 예제(가로로 스크롤)',
    reluCaption: '숫자 여섯 개에 대한 ReLU의 순전파와 역전파',
    preActivation: '활성화 이전 값',
    gradientFromAbove: '위에서 온 그래디언트',
    forwardPass: '순전파',
    forwardMask: '순방향 마스크',
    backwardMask: '역방향 마스크',
    backprop: '역전파',
    deconvnet: 'deconvnet',
    guided: '가이드 역전파',
    needsNumbers: '모든 칸에 숫자를 넣어야 합니다.',
  },
);
