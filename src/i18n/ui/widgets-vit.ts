import { defineStrings } from '../strings.ts';

/** The ViT lesson: the attention explorer (CLS attention, rollouts, Grad-CAM) and the attention table's read-outs. */
export default defineStrings(
  {
    // Shared
    loading: 'Loading objects-vit and objects-cnn…',
    // AttentionExplorer
    title: 'Where the CLS token looks, layer by layer',
    patchesCaption: 'The 64 patches (tokens) of 8 × 8 pixels',
    rolloutCaption: 'ViT: attention rollout',
    gradientRolloutCaption: 'ViT: gradient-weighted rollout for the object’s class',
    gradCamCaption: 'objects-cnn: Grad-CAM for the same class',
    objectAndRollout: 'Object and rollout',
    object: 'Object',
    headFusion: 'Head fusion',
    'fusion.mean': 'mean',
    'fusion.min': 'min',
    'fusion.max': 'max',
    discard: 'Discard the smallest',
    outlineNote: "Outline: the chosen object's exact mask. Ring: the map's peak, solid when the pointing game (within 2 px) is a hit, dashed when it misses.",
    headsTitle: "The CLS token's attention to each patch, per layer and head",
    headsLabel: 'CLS attention per layer (rows) and head (columns)',
    tilesNote:
      "Each tile is scaled to its own largest weight; the figure under it is that weight, and the CLS token's weight on itself is left out (it is in the read-out).",
    peakHit: 'peak ({row}, {col}): hit',
    peakMiss: 'peak ({row}, {col}): miss',
    rolloutNote: 'Rollout fuses the heads by their {fusion} and discards the smallest {ratio} of each fused matrix.',
    pointingGame: 'Pointing game: {maps}.',
    mapHit: '{name} hit',
    mapMiss: '{name} miss',
    'name.rollout': 'Rollout',
    'name.gradient-rollout': 'Gradient-weighted rollout',
    'name.grad-cam': 'Grad-CAM',
    vitScore: 'objects-vit: p({name}) = {p}; top class {top} ({topP})',
    clsSelf: "The CLS token's weight on itself, averaged over the heads: {layers}. Each row of A sums to 1, so the patches share the rest.",
    layerWeight: 'layer {layer} {weight}',
    head: 'head {head}',
    layer: 'layer {layer}',
    headTile: 'Layer {layer}, head {head}: CLS attention, largest weight {weight} on patch {patch}',
    // The attention table (its frame is MethodTable's)
    measuring: 'Measuring {model} on {n} scenes, one at a time…',
    tableCaption:
      "{done} of {total} held-out scenes · pointing game within 2 px of the exact mask, every object · curves of {points} points for the class each model finds most probable in each scene, on that model · bold: each model's best.",
    tableNote:
      "A random peak lands within 2 px of these objects about {chance} of the time. Deletion and insertion areas compare maps of one model; across the two models compare each map with its own model's random row.",
  },
  {
    // Shared
    loading: 'objects-vit와 objects-cnn을 불러오는 중…',
    // AttentionExplorer
    title: 'CLS 토큰이 층마다 보는 곳',
    patchesCaption: '8 × 8 픽셀 패치(토큰) 64개',
    rolloutCaption: 'ViT: 어텐션 롤아웃',
    gradientRolloutCaption: 'ViT: 물체의 클래스에 대한 그래디언트 가중 롤아웃',
    gradCamCaption: 'objects-cnn: 같은 클래스의 Grad-CAM',
    objectAndRollout: '물체와 롤아웃',
    object: '물체',
    headFusion: '헤드 융합',
    'fusion.mean': '평균',
    'fusion.min': '최솟값',
    'fusion.max': '최댓값',
    discard: '폐기 비율',
    outlineNote: '윤곽선: 선택한 물체의 정확한 마스크. 고리: 맵의 최고점으로, 포인팅 게임(2 px 이내)에서 적중하면 실선, 빗나가면 점선입니다.',
    headsTitle: '층과 헤드별로 본, 각 패치에 대한 CLS 토큰의 어텐션',
    headsLabel: '층(행)과 헤드(열)별 CLS 어텐션',
    tilesNote:
      '각 타일은 자기 안의 가장 큰 가중치에 맞춰 스케일됩니다. 아래의 숫자가 그 가중치이며, CLS 토큰이 자기 자신에게 주는 가중치는 빠져 있습니다(표시창에 나옵니다).',
    peakHit: '최고점 ({row}, {col}): 적중',
    peakMiss: '최고점 ({row}, {col}): 빗나감',
    rolloutNote: '롤아웃은 헤드를 {fusion}으로 융합하고, 융합된 각 행렬에서 가장 작은 {ratio}를 버립니다.',
    pointingGame: '포인팅 게임: {maps}.',
    mapHit: '{name} 적중',
    mapMiss: '{name} 빗나감',
    'name.rollout': '롤아웃',
    'name.gradient-rollout': '그래디언트 가중 롤아웃',
    'name.grad-cam': 'Grad-CAM',
    vitScore: 'objects-vit: p({name}) = {p}, 확률이 가장 높은 클래스 {top} ({topP})',
    clsSelf: '헤드에 걸쳐 평균한, CLS 토큰이 자기 자신에게 주는 가중치: {layers}. A의 각 행은 합이 1이므로 나머지는 패치들이 나눠 가집니다.',
    layerWeight: '층 {layer} {weight}',
    head: '헤드 {head}',
    layer: '층 {layer}',
    headTile: '층 {layer}, 헤드 {head}: CLS 어텐션, 가장 큰 가중치 {weight} (패치 {patch})',
    // The attention table (its frame is MethodTable's)
    measuring: '{model} 측정 중: 장면 {n}개, 하나씩…',
    tableCaption:
      '홀드아웃 장면 {total}개 중 {done}개 · 포인팅 게임: 모든 물체, 정확한 마스크에서 2 px 이내 · 곡선: 장면마다 각 모델이 가장 확률이 높다고 본 클래스에 대해 그 모델에서 {points}개 점 · 굵은 글씨: 모델별 최고값.',
    tableNote:
      '무작위 최고점은 약 {chance}의 확률로 이 물체들의 2 px 이내에 떨어집니다. 삭제·삽입 면적은 한 모델의 맵끼리만 비교할 수 있습니다. 두 모델 사이에서는 각 맵을 자기 모델의 무작위(random) 행과 비교하세요.',
  },
);
