import { defineStrings } from '../strings.ts';

/** The patch widgets: the receptive-field explorer and the top patches of a channel. */
export default defineStrings(
  {
    // Shared
    loadingEngineModel: 'Loading the engine and the model…',
    layer: 'Layer',
    // ReceptiveField
    fieldTitle: 'The receptive field of one unit',
    unit: 'Unit',
    hint: "Point at a unit of the layer's map, or focus the map and use the arrow keys.",
    layerOutput: 'Layer output (mean over its channels)',
    fieldLabel: 'The input image with the receptive field of the chosen unit outlined',
    fieldCaption: "Input with the unit's field: solid inside the image, dashed where it runs into the padding (hatched)",
    fieldWhere: 'Point at a unit to see which input pixels it can see.',
    tableCaption: "Receptive field after each layer, read from the model's configuration",
    layerColumn: 'layer',
    mapColumn: 'map',
    input: 'input',
    seesPartly:
      'Unit (u, v) = ({i}, {j}) of {layer} (value {value}) sees input rows {rows} and columns {cols}; the rest of its {size} × {size} field lies in the padding.',
    seesAll:
      'Unit (u, v) = ({i}, {j}) of {layer} (value {value}) sees input rows {rows} and columns {cols}: all {size} × {size} pixels of its field are inside the image.',
    fieldSum:
      'top = start + u·j = {start} + {i}·{jump} = {top},  left = start + v·j = {start} + {j}·{jump} = {left};  ' +
      'field = rows {top} to {bottom}, columns {left} to {right} (r = {size})',
    // TopPatches
    topTitle: 'Top patches of one channel',
    previousChannel: 'Previous channel',
    nextChannel: 'Next channel',
    channel: 'Channel',
    top: 'Top',
    images: 'Images',
    stop: 'Stop',
    scanAgain: 'Scan again',
    waitingScan: 'Waiting to scan the held-out images…',
    patchesLabel: 'Top patches, strongest first',
    detailLabel: "The chosen patch's whole image with its receptive field outlined",
    detailStart: 'Click a patch to see its whole image.',
    tileWhere: 'Patch {rank}, held-out image {image}: activation ',
    summaryLead: '{count} of {total} top patches come from {name} images',
    summaryOthers: '{lead} (the others: {rest}).',
    summaryOnly: '{lead}.',
    summaryCount: '{n} {name}',
    summary: '{layer}, channel {channel}: {text}',
    detail:
      'Patch {rank}: image {image} of the held-out set ({name}), unit ({row}, {col}) of {layer}, activation {value}. ' +
      'Its {size} × {size} field covers rows {rows} and columns {cols} of the image.',
    scanned: 'Scanned {count} held-out images (seed {seed}, never used in training) through {layer}.',
    scanning: 'Scanning held-out images through {layer}: {done} of {total}',
    stoppedSay: 'Stopped. Press "Scan again" or change the layer to scan.',
    stoppedAfter: 'Stopped after {done} of {total} images.',
  },
  {
    // Shared
    loadingEngineModel: '엔진과 모델을 불러오는 중…',
    layer: '층',
    // ReceptiveField
    fieldTitle: '유닛 하나의 수용 영역',
    unit: '유닛',
    hint: '층 맵의 유닛을 가리키거나, 맵에 포커스를 두고 화살표 키를 쓰세요.',
    layerOutput: '층 출력 (채널 평균)',
    fieldLabel: '고른 유닛의 수용 영역을 테두리로 표시한 입력 이미지',
    fieldCaption: '유닛의 수용 영역을 표시한 입력: 이미지 안쪽은 실선, 패딩(빗금)으로 넘어간 부분은 점선',
    fieldWhere: '유닛을 가리키면 그 유닛이 볼 수 있는 입력 픽셀이 표시됩니다.',
    tableCaption: '각 층을 지난 뒤의 수용 영역 (모델 구성에서 읽음)',
    layerColumn: '층',
    mapColumn: '맵',
    input: '입력',
    seesPartly: '{layer}의 유닛 (u, v) = ({i}, {j}) (값 {value})은 입력의 {rows}행, {cols}열을 봅니다. {size} × {size} 수용 영역의 나머지는 패딩에 있습니다.',
    seesAll:
      '{layer}의 유닛 (u, v) = ({i}, {j}) (값 {value})은 입력의 {rows}행, {cols}열을 봅니다. {size} × {size} 수용 영역의 모든 픽셀이 이미지 안에 있습니다.',
    fieldSum:
      'top = start + u·j = {start} + {i}·{jump} = {top},  left = start + v·j = {start} + {j}·{jump} = {left};  ' +
      '영역 = {top}~{bottom}행, {left}~{right}열 (r = {size})',
    // TopPatches
    topTitle: '채널 하나의 상위 패치',
    previousChannel: '이전 채널',
    nextChannel: '다음 채널',
    channel: '채널',
    top: '상위',
    images: '이미지 수',
    stop: '중지',
    scanAgain: '다시 스캔',
    waitingScan: '홀드아웃 이미지 스캔을 기다리는 중…',
    patchesLabel: '상위 패치, 강한 순',
    detailLabel: '고른 패치의 전체 이미지, 수용 영역을 테두리로 표시',
    detailStart: '패치를 클릭하면 전체 이미지를 볼 수 있습니다.',
    tileWhere: '패치 {rank}, 홀드아웃 이미지 {image}: 활성화 ',
    summaryLead: '상위 패치 {total}개 중 {count}개가 {name} 이미지에서 나왔습니다',
    summaryOthers: '{lead} (나머지: {rest}).',
    summaryOnly: '{lead}.',
    summaryCount: '{name} {n}개',
    summary: '{layer}, 채널 {channel}: {text}',
    detail:
      '패치 {rank}: 홀드아웃 세트의 이미지 {image}({name}), {layer}의 유닛 ({row}, {col}), 활성화 {value}. ' +
      '이 유닛의 {size} × {size} 수용 영역은 이미지의 {rows}행, {cols}열을 덮습니다.',
    scanned: '홀드아웃 이미지 {count}개(시드 {seed}, 학습에 쓰지 않음)를 {layer}까지 통과시켜 스캔했습니다.',
    scanning: '홀드아웃 이미지를 {layer}까지 통과시켜 스캔하는 중: {total}개 중 {done}개',
    stoppedSay: '중지했습니다. ‘다시 스캔’을 누르거나 층을 바꾸면 스캔합니다.',
    stoppedAfter: '이미지 {total}개 중 {done}개를 스캔하고 중지했습니다.',
  },
);
