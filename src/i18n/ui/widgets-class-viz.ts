import { defineStrings } from '../strings.ts';

/** The class and feature visualisation widgets: the ascent, the regularisers, the gallery and feature visualisation. */
export default defineStrings(
  {
    // Shared
    class: 'Class',
    layer: 'Layer',
    channel: 'Channel',
    ascent: 'Ascent',
    regularisers: 'Regularisers',
    step: 'step',
    numbersCaption: "The current image's numbers",
    // PlayerButtons and the player
    start: 'Start',
    pause: 'Pause',
    resume: 'Resume',
    runAgain: 'Run again',
    reset: 'Reset',
    // ClassVizAscent
    ascentTitle: 'Gradient ascent on the image, step by step',
    objective: 'The objective',
    lambdaHelp:
      'Weight of the penalty λ‖I‖². Changing it goes back to the same seeded noise: a running ascent climbs again at once, a finished or paused one waits for Start.',
    ascentHelp:
      'Each step: I ← I + η ∇<sub>I</sub>[S<sub>c</sub>(I) − λ‖I‖²], η = 1, from small Gaussian noise (seed 1), up to step <span data-until>{steps}</span>.',
    ascentImage: 'The image I being optimised',
    ascentCaption: 'I + ½ (mid-grey), as objects-cnn sees it',
    termsCaption: 'Terms of the objective at the current step',
    objectiveRow: 'objective',
    // ClassVizGallery
    latentRecipe:
      "Ascent on objects-gan's 64-number code from code c of the sampler's stream, λ = {lambda} on ||z||², {steps} normalised steps of {rate}, computed now in your browser.",
    pixelRecipe:
      'Default regularisers (jitter, transformation robustness, decorrelated Fourier parameterisation), λ = {lambda}, {steps} steps, seed c for class c, computed now in your browser.',
    latentTitle: 'Ten classes made through objects-gan, judged by objects-cnn-b',
    galleryTitle: 'Ten classes made by objects-cnn, judged by objects-cnn-b',
    galleryHelp: 'Under each image: what objects-cnn-b, a network trained separately that took no part in making it, thinks it shows.',
    tileLabel: 'Class visualisation of {name}',
    waiting: 'waiting…',
    recognised: '{n} of {total} recognised',
    tileStep: 'step {step}…',
    making: 'Making {name} ({c} of {total}), step {step}.',
    loadingLatent: 'Loading objects-gan, objects-cnn and objects-cnn-b…',
    loadingGallery: 'Loading objects-cnn and objects-cnn-b…',
    recognisedBy: '{n} of {total} recognised by objects-cnn-b',
    // ClassVizRegularizers
    regTitle: 'Regularisers: what makes the image look like something',
    jitter: 'Jitter: roll the image by up to 4 px each step',
    robustness: 'Transformation robustness: scale ±15%, rotate ±15°',
    fourier: 'Decorrelated Fourier parameterisation (1/f spectrum)',
    blur: 'Blur every 4 steps (pixel parameterisation only)',
    totalVariation: 'Total-variation penalty R_TV (frequency penalty)',
    regHelp: 'λ = {lambda}; each step divided by its mean |gradient|; {steps} steps from seed <span data-seed></span>.',
    regImage: 'The class visualisation with the chosen regularisers',
    regCaption: 'made by gradient ascent on objects-cnn',
    regVerdictStart: 'A second network, objects-cnn-b, will say what it sees.',
    verdictHit: 'objects-cnn-b, which did not make it, sees <strong>{verdict}</strong> — recognised as {name}.',
    verdictMiss: 'objects-cnn-b, which did not make it, sees <strong>{verdict}</strong> (p({name}) = {p}).',
    // FeatureViz
    featureTitle: 'Feature visualisation: one channel instead of a class',
    unit: 'The unit',
    recipeFourier: 'Fourier + jitter + robustness',
    recipePixel: 'pixels + jitter + robustness',
    recipeNone: 'none (pixels)',
    featureHelp: "Climbs the channel's mean activation (1/HW) Σ<sub>i,j</sub> A<sup>k</sup><sub>ij</sub>(I) − λ‖I‖², λ = {lambda}, {steps} steps.",
    featureImage: 'The image that drives the chosen channel',
    featureCaption: 'the image that drives the channel',
    meanActivation: 'mean activation of channel <i>k</i>',
    featureTry:
      "Try conv_0 and conv_2 with raw pixels (stripes, dots, colour), and last_relu with the Fourier spectrum (textures and parts). Compare with the channel's maximally activating patches in the previous lesson.",
    drives: 'drives channel {k} of {layer}',
    loadingCnn: 'Loading objects-cnn…',
    channelRange: 'of 0–{max} ({shape})',
  },
  {
    // Shared
    class: '클래스',
    layer: '층',
    channel: '채널',
    ascent: '경사 상승',
    regularisers: '정규화 기법',
    step: '단계',
    numbersCaption: '현재 이미지의 수치',
    // PlayerButtons and the player
    start: '시작',
    pause: '멈추기',
    resume: '계속',
    runAgain: '다시 실행',
    reset: '초기화',
    // ClassVizAscent
    ascentTitle: '이미지에 대한 경사 상승, 한 단계씩',
    objective: '목적 함수',
    lambdaHelp:
      '벌점 λ‖I‖²의 가중치입니다. 바꾸면 같은 시드의 노이즈로 돌아갑니다. 실행 중인 상승은 곧바로 다시 오르고, 끝났거나 멈춘 상승은 ‘시작’을 누를 때까지 기다립니다.',
    ascentHelp:
      '매 단계: I ← I + η ∇<sub>I</sub>[S<sub>c</sub>(I) − λ‖I‖²], η = 1. 작은 가우스 노이즈(시드 1)에서 시작해 <span data-until>{steps}</span>단계까지 진행합니다.',
    ascentImage: '최적화 중인 이미지 I',
    ascentCaption: 'objects-cnn이 보는 I + ½ (중간 회색)',
    termsCaption: '현재 단계의 목적 함수 항',
    objectiveRow: '목적 함수',
    // ClassVizGallery
    latentRecipe:
      'objects-gan의 숫자 64개짜리 잠재 코드에서 상승합니다. 샘플러 스트림의 코드 c에서 시작해 ||z||²에 λ = {lambda}, 크기 {rate}의 정규화된 스텝 {steps}번이며, 지금 여러분의 브라우저에서 계산합니다.',
    pixelRecipe:
      '기본 정규화 기법(지터, 변환 강건성, 비상관 푸리에 매개변수화), λ = {lambda}, {steps}단계, 클래스 c에는 시드 c를 쓰며, 지금 여러분의 브라우저에서 계산합니다.',
    latentTitle: 'objects-gan으로 만든 열 개 클래스, objects-cnn-b의 판정',
    galleryTitle: 'objects-cnn이 만든 열 개 클래스, objects-cnn-b의 판정',
    galleryHelp: '각 이미지 아래: 따로 학습되어 이미지를 만드는 데 전혀 관여하지 않은 네트워크 objects-cnn-b가 이 이미지를 무엇으로 보는지.',
    tileLabel: '{name}의 클래스 시각화',
    waiting: '대기 중…',
    recognised: '{total}개 중 {n}개 인식',
    tileStep: '{step}단계…',
    making: '{name} 만드는 중 ({total}개 중 {c}번째), {step}단계.',
    loadingLatent: 'objects-gan, objects-cnn, objects-cnn-b를 불러오는 중…',
    loadingGallery: 'objects-cnn과 objects-cnn-b를 불러오는 중…',
    recognisedBy: 'objects-cnn-b가 {total}개 중 {n}개 인식',
    // ClassVizRegularizers
    regTitle: '정규화 기법: 이미지를 무언가처럼 보이게 만드는 것',
    jitter: '지터: 매 단계 이미지를 최대 4 px까지 순환 이동',
    robustness: '변환 강건성: 크기 ±15%, 회전 ±15°',
    fourier: '비상관 푸리에 매개변수화 (1/f 스펙트럼)',
    blur: '4단계마다 블러 (픽셀 매개변수화에서만)',
    totalVariation: '총변동 벌점 R_TV (주파수 벌점)',
    regHelp: 'λ = {lambda}. 각 스텝을 평균 |그래디언트|로 나눕니다. 시드 <span data-seed></span>에서 {steps}단계.',
    regImage: '고른 정규화 기법으로 만든 클래스 시각화',
    regCaption: 'objects-cnn에 대한 경사 상승으로 만든 이미지',
    regVerdictStart: '두 번째 네트워크 objects-cnn-b가 무엇으로 보이는지 알려 줍니다.',
    verdictHit: '이 이미지를 만들지 않은 objects-cnn-b의 판정: <strong>{verdict}</strong>. {name}(으)로 인식했습니다.',
    verdictMiss: '이 이미지를 만들지 않은 objects-cnn-b의 판정: <strong>{verdict}</strong> (p({name}) = {p}).',
    // FeatureViz
    featureTitle: '특징 시각화: 클래스 대신 채널 하나',
    unit: '유닛',
    recipeFourier: '푸리에 + 지터 + 강건성',
    recipePixel: '픽셀 + 지터 + 강건성',
    recipeNone: '없음 (픽셀)',
    featureHelp: '채널의 평균 활성화 (1/HW) Σ<sub>i,j</sub> A<sup>k</sup><sub>ij</sub>(I) − λ‖I‖²를 높입니다. λ = {lambda}, {steps}단계.',
    featureImage: '고른 채널을 활성화하는 이미지',
    featureCaption: '채널을 활성화하는 이미지',
    meanActivation: '채널 <i>k</i>의 평균 활성화',
    featureTry:
      'conv_0과 conv_2는 원시 픽셀로(줄무늬, 점, 색), last_relu는 푸리에 스펙트럼으로(텍스처와 부분) 해 보세요. 이전 레슨에서 본, 이 채널을 가장 강하게 활성화하는 패치와 비교해 보세요.',
    drives: '{layer}의 채널 {k}을(를) 활성화하는 이미지',
    loadingCnn: 'objects-cnn을 불러오는 중…',
    channelRange: '(0–{max} 중, {shape})',
  },
);
