import { defineStrings } from '../strings.ts';

/** The trust lesson's measurements: deletion and insertion with the pointing game, and the method table. */
export default defineStrings(
  {
    // Shared
    stop: 'Stop',
    method: 'Method',
    // Method labels (the engine's labels, by method id)
    methodSaliency: 'Vanilla saliency',
    methodRandom: 'Random map',
    methodGuided: 'Guided backprop',
    methodRollout: 'Attention rollout',
    methodGradientRollout: 'Gradient-weighted rollout',
    methodTokenGradCam: 'Grad-CAM on tokens',
    // DeletionInsertion
    diTitle: 'Deletion, insertion and the pointing game',
    explanation: 'Explanation',
    object: 'Object',
    optionSaliency: 'Vanilla saliency',
    optionSmoothGrad: 'SmoothGrad (16 samples)',
    optionRandom: 'Random map (baseline)',
    overlayLabel: "The map over the image, the object's mask outline and the map's peak",
    overlayCaption: "Map over the image; outline: the object's exact mask; ring: the map's peak (solid: hit, dashed: miss).",
    curvesCaption: 'Solid: deletion (lower area is better). Dashed: insertion (higher area is better).',
    pointingWaiting: 'Pointing game: waiting for the map.',
    passesDone: 'Forward passes done',
    computing: 'Computing the map, then the curves…',
    loadingModel: 'Loading the model…',
    pointingHit:
      'Pointing game: hit. {method}\'s map for "{name}" peaks at row {row}, column {col}, on the {name}\'s mask (tolerance 2 px). p({name} | image) = {p}.',
    pointingMiss:
      'Pointing game: miss. {method}\'s map for "{name}" peaks at row {row}, column {col}, off the {name}\'s mask (tolerance 2 px). p({name} | image) = {p}.',
    auc: 'Deletion AUC = <strong>{deletion}</strong> (lower is better) · Insertion AUC = <strong>{insertion}</strong> (higher is better) · {points} points per curve',
    // MethodTable
    tableTitle: 'Five methods on one held-out batch',
    attentionTitle: 'objects-vit against objects-cnn on one held-out batch',
    scenes: 'Scenes',
    runAgain: 'Run again',
    scenesDone: 'Scenes done',
    tableRegion: 'The method table (scrolls sideways)',
    pointingHead: 'Pointing game ↑',
    deletionHead: 'Deletion AUC ↓',
    insertionHead: 'Insertion AUC ↑',
    waiting: 'Waiting to start.',
    measuring: 'Measuring {n} scenes, one at a time…',
    tableCaption:
      '{scenes} of {total} held-out scenes ({objects} objects) · pointing game within 2 px of the exact mask · curves of {points} points for the class the model finds most probable in each scene · bold: best so far.',
    randomNote:
      'What a random map scores: its peak lands anywhere with equal chance, so it wins the pointing game about {chance} of the time on these objects (the share of the image within 2 px of each mask), and its deletion and insertion curves fall and rise with the pixel count alone. A method is worth reading only where it beats that row.',
  },
  {
    // Shared
    stop: '멈추기',
    method: '방법',
    // Method labels (the engine's labels, by method id)
    methodSaliency: '바닐라 현저성 맵',
    methodRandom: '무작위 맵',
    methodGuided: '가이드 역전파',
    methodRollout: '어텐션 롤아웃',
    methodGradientRollout: '그래디언트 가중 롤아웃',
    methodTokenGradCam: '토큰에 적용한 Grad-CAM',
    // DeletionInsertion
    diTitle: '삭제, 삽입, 포인팅 게임',
    explanation: '설명',
    object: '물체',
    optionSaliency: '바닐라 현저성 맵',
    optionSmoothGrad: 'SmoothGrad (샘플 16개)',
    optionRandom: '무작위 맵 (기준선)',
    overlayLabel: '이미지 위의 맵, 물체 마스크의 윤곽선, 맵의 최댓값 위치',
    overlayCaption: '이미지 위의 맵. 윤곽선: 물체의 정확한 마스크, 고리: 맵의 최댓값 위치(실선: 적중, 점선: 빗나감).',
    curvesCaption: '실선: 삭제(면적이 작을수록 좋음). 점선: 삽입(면적이 클수록 좋음).',
    pointingWaiting: '포인팅 게임: 맵을 기다리는 중.',
    passesDone: '완료한 순전파',
    computing: '맵을 계산한 뒤 곡선을 계산하는 중…',
    loadingModel: '모델을 불러오는 중…',
    pointingHit:
      '포인팅 게임: 적중. "{name}"에 대한 {method} 맵의 최댓값은 {row}행 {col}열로, {name} 마스크 위에 있습니다(허용 오차 2 px). p({name} | 이미지) = {p}.',
    pointingMiss:
      '포인팅 게임: 빗나감. "{name}"에 대한 {method} 맵의 최댓값은 {row}행 {col}열로, {name} 마스크 밖에 있습니다(허용 오차 2 px). p({name} | 이미지) = {p}.',
    auc: '삭제 AUC = <strong>{deletion}</strong> (낮을수록 좋음) · 삽입 AUC = <strong>{insertion}</strong> (높을수록 좋음) · 곡선마다 점 {points}개',
    // MethodTable
    tableTitle: '홀드아웃 배치 하나로 비교한 다섯 가지 방법',
    attentionTitle: '홀드아웃 배치 하나로 비교한 objects-vit와 objects-cnn',
    scenes: '장면 수',
    runAgain: '다시 실행',
    scenesDone: '완료한 장면',
    tableRegion: '방법 비교 표(가로로 스크롤)',
    pointingHead: '포인팅 게임 ↑',
    deletionHead: '삭제 AUC ↓',
    insertionHead: '삽입 AUC ↑',
    waiting: '시작을 기다리는 중.',
    measuring: '장면 {n}개를 하나씩 측정하는 중…',
    tableCaption:
      '홀드아웃 장면 {total}개 중 {scenes}개(물체 {objects}개) · 포인팅 게임은 정확한 마스크에서 2 px 이내 · 곡선은 장면마다 모델이 가장 확률이 높다고 본 클래스에 대해 점 {points}개 · 굵은 글씨: 지금까지 최고.',
    randomNote:
      '무작위 맵의 점수: 최댓값 위치가 어디든 같은 확률로 떨어지므로, 이 물체들에서는 포인팅 게임을 약 {chance}의 확률로 이깁니다(각 마스크에서 2 px 이내인 이미지의 비율). 삭제 곡선과 삽입 곡선도 픽셀 수만으로 내려가고 올라갑니다. 어떤 방법이든 이 행을 넘어설 때만 읽을 가치가 있습니다.',
  },
);
