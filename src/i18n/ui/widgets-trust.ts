import { defineStrings } from '../strings.ts';

/** The trust lesson's sanity check, and the parts the trust widgets share (object menu, stop, curves plot). */
export default defineStrings(
  {
    // Shared by the trust widgets
    stopped: 'Stopped. Change a setting to run again.',
    curvesX: 'fraction of pixels deleted / inserted →',
    deletion: 'deletion',
    insertion: 'insertion',
    curvesLabel: 'Deletion and insertion curves: class probability against the fraction of pixels changed',
    // SanityCheck
    sanityTitle: 'Sanity check: randomise the model from the top down',
    cascade: 'Cascade',
    object: 'Object',
    seed: 'Seed of the new weights',
    stop: 'Stop',
    gridRegion: 'The sanity-check grid (scrolls sideways)',
    gridCaption:
      "Columns, left to right: the trained model, then one more layer re-initialised at each step (named at the top), on a copy of the model. ρ: Spearman's rank correlation with the trained model's map.",
    summaryStart: "The trained model's maps come first; each later column adds one re-initialised layer.",
    columnsDone: 'Columns done',
    loadingModel: 'Loading the model…',
    summary:
      'Maps for "{name}". After re-initialising only the logits layer, Grad-CAM\'s map has ρ = {rho} with the trained one; a method whose ρ stays near 1 down the row is not reading what the model learned.',
    method: 'Method',
    reinitialised: 'Re-initialised: {layers}',
    trainedModel: 'The trained model',
    'label.saliency': 'Saliency',
    'label.guided': 'Guided back\u00adprop',
    'label.smoothgrad': 'Smooth\u00adGrad',
    mapLabel: '{method} map, {step}: {rho}',
    flat: 'flat',
    undefinedFlat: 'undefined (the map is flat)',
  },
  {
    // Shared by the trust widgets
    stopped: '멈췄습니다. 다시 실행하려면 설정을 바꾸세요.',
    curvesX: '삭제 / 삽입한 픽셀 비율 →',
    deletion: '삭제',
    insertion: '삽입',
    curvesLabel: '삭제 곡선과 삽입 곡선: 바뀐 픽셀 비율에 따른 클래스 확률',
    // SanityCheck
    sanityTitle: '새니티 체크: 모델을 위층부터 차례로 무작위화하기',
    cascade: '단계적 무작위화',
    object: '물체',
    seed: '새 가중치의 시드',
    stop: '멈추기',
    gridRegion: '새니티 체크 표 (옆으로 스크롤됩니다)',
    gridCaption:
      '열은 왼쪽부터 학습된 모델, 그다음은 모델의 사본에서 단계마다 층을 하나씩 더 다시 초기화한 결과입니다(다시 초기화한 층은 맨 위에 적혀 있습니다). ρ: 학습된 모델의 맵과의 스피어만 순위 상관계수.',
    summaryStart: '학습된 모델의 맵이 맨 앞에 오고, 그 뒤의 열마다 다시 초기화한 층이 하나씩 늘어납니다.',
    columnsDone: '완료된 열',
    loadingModel: '모델을 불러오는 중…',
    summary:
      '“{name}”의 맵입니다. 로짓 층만 다시 초기화했을 때 Grad-CAM 맵과 학습된 모델의 맵 사이의 ρ는 {rho}입니다. 행을 따라가도 ρ가 1 근처에 머무는 방법은 모델이 학습한 것을 읽고 있지 않습니다.',
    method: '방법',
    reinitialised: '다시 초기화한 층: {layers}',
    trainedModel: '학습된 모델',
    'label.saliency': '현저성',
    'label.guided': '가이드 역전파',
    'label.smoothgrad': 'Smooth\u00adGrad',
    mapLabel: '{method} 맵, {step}: {rho}',
    flat: '평평함',
    undefinedFlat: '정의되지 않음 (맵이 평평함)',
  },
);
