import { defineStrings } from '../strings.ts';

/**
 * The words of the engine's shared vocabulary (src/engine/shared): the notices about a restored widget state's
 * refused values (widget-params), how they quote a value, and the names of the training lab's runs.
 */
export default defineStrings(
  {
    // checkField, chooseModel, chooseLayer: one refused value and what is used instead
    'notice.isNot': '{name}: {value} is not {expected}; using {using}.',
    'notice.because': '{name}: {value} {why}; using {using}.',
    // show(): a value as a notice quotes it
    'show.nothing': 'nothing',
    'show.photo': 'photo {id}',
    'show.image': 'image {index} of {dataset}',
    'show.upload': 'your own image {name}',
    'show.longList': '[{items}, … ({n} numbers)]',
    // The rules, completing "<value> is not …"
    'expected.wholeNumber': 'a whole number from {min} to {max}',
    'expected.number': 'a number from {min} to {max}',
    'expected.finiteNumber': 'a finite number',
    'expected.oneOf': 'one of {values}',
    'expected.flag': 'true or false',
    'expected.finiteList': 'a list of {length} finite numbers',
    'expected.rangedList': 'a list of {length} numbers from {min} to {max}',
    'expected.layerName': 'a layer name',
    'expected.photo': 'a bundled photo ({ids}) or an image saved in this browser',
    'expected.heldOut': 'a held-out image ({names})',
    'expected.heldOutOrSaved': 'a held-out image ({names}) or an image saved in this browser',
    'expected.objectsModel': 'a Glassbox Objects model ({ids}) or a saved run "{prefix}<name>"',
    'expected.layout': '1 to 3 objects of different classes, each as [class 0–9, x 0–64, y 0–64, size {size}]',
    'expected.noStrength': 'absent (the baseline has no knob)',
    // Why a particular value is refused, where the rule alone would mislead
    'why.notInLink': 'is not in this link (a link never carries the sender’s own image)',
    'why.notImageOf': 'is not an image of {dataset} (0 to {last})',
    'why.runGone': 'is not a run saved in this browser (it was deleted, or trained in another browser: a link carries a run’s name, not its weights)',
    // What is used instead, where it is not a plain value
    'fallback.firstObjectClass': "the first object's class",
    'fallback.lessonSteps': "the lesson's number of steps",
    'fallback.lessonScenes': "the lesson's number of scenes",
    'fallback.unchangedImage': 'the unchanged image',
    'fallback.pooledLayer': 'the layer the pooling reads',
    'fallback.startLayout': 'the starting cat and car',
    'fallback.none': 'none',
    // labRunLabel and labModelLabel (lab-policies.ts): a training lab run in menus
    'run.label': '{policy}{strength}, seed {seed}, {epochs} epochs',
    'run.labelOne': '{policy}{strength}, seed {seed}, 1 epoch',
    'run.strength': ' ({knob} {value})',
    'run.model': 'Lab: {run}',
  },
  {
    // checkField, chooseModel, chooseLayer: one refused value and what is used instead
    'notice.isNot': '{name}: {value}은(는) 쓸 수 없는 값이라 {using}을(를) 대신 씁니다 (가능한 값: {expected}).',
    'notice.because': '{name}: {value}은(는) {why}. {using}을(를) 대신 씁니다.',
    // show(): a value as a notice quotes it
    'show.nothing': '없음',
    'show.photo': '사진 {id}',
    'show.image': '{dataset}의 이미지 {index}',
    'show.upload': '내 이미지 {name}',
    'show.longList': '[{items}, … (수 {n}개)]',
    // The rules, completing "<value> is not …"
    'expected.wholeNumber': '{min}부터 {max}까지의 정수',
    'expected.number': '{min}부터 {max}까지의 수',
    'expected.finiteNumber': '유한한 수',
    'expected.oneOf': '{values} 중 하나',
    'expected.flag': 'true 또는 false',
    'expected.finiteList': '유한한 수 {length}개의 목록',
    'expected.rangedList': '{min}부터 {max}까지의 수 {length}개의 목록',
    'expected.layerName': '층 이름',
    'expected.photo': '책에 포함된 사진({ids}) 또는 이 브라우저에 저장된 이미지',
    'expected.heldOut': '홀드아웃 이미지({names})',
    'expected.heldOutOrSaved': '홀드아웃 이미지({names}) 또는 이 브라우저에 저장된 이미지',
    'expected.objectsModel': 'Glassbox Objects 모델({ids}) 또는 저장한 실행 "{prefix}<이름>"',
    'expected.layout': '서로 다른 클래스의 물체 1~3개, 각각 [클래스 0–9, x 0–64, y 0–64, 크기 {size}] 형식',
    'expected.noStrength': '빈 값(베이스라인에는 강도 설정이 없습니다)',
    // Why a particular value is refused, where the rule alone would mislead
    'why.notInLink': '이 링크에 들어 있지 않습니다(링크에는 보낸 사람의 이미지가 담기지 않습니다)',
    'why.notImageOf': '{dataset}에 없는 이미지입니다(0부터 {last}까지)',
    'why.runGone':
      '이 브라우저에 저장된 실행이 아닙니다(삭제되었거나 다른 브라우저에서 학습한 실행입니다. 링크에는 실행의 이름만 담기고 가중치는 담기지 않습니다)',
    // What is used instead, where it is not a plain value
    'fallback.firstObjectClass': '첫 번째 물체의 클래스',
    'fallback.lessonSteps': '레슨에서 정한 스텝 수',
    'fallback.lessonScenes': '레슨에서 정한 장면 수',
    'fallback.unchangedImage': '바꾸지 않은 이미지',
    'fallback.pooledLayer': '풀링이 읽는 층',
    'fallback.startLayout': '처음의 고양이와 자동차 배치',
    'fallback.none': '빈 값',
    // labRunLabel and labModelLabel (lab-policies.ts): a training lab run in menus
    'run.label': '{policy}{strength}, 시드 {seed}, {epochs} 에폭',
    'run.labelOne': '{policy}{strength}, 시드 {seed}, 1 에폭',
    'run.strength': ' ({knob} {value})',
    'run.model': '실험실: {run}',
  },
);
