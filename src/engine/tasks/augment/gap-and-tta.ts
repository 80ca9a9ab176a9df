// The tasks of the lessons "Why augment" and "Test-time augmentation", exported to the engine client in one line.
export { styleBatch, jointMap, type StyleBatch, type StyleName, type JointMap } from './style-gap.ts';
export { invarianceCurve, invarianceView, probeValues, type InvarianceCurve, type InvarianceView, type ProbeKind } from './invariance.ts';
export { trainingStats, type TrainingStats } from './training-stats.ts';
export { ttaPredict, ttaImage, ttaBatch, type TtaPrediction, type TtaBatch } from './tta.ts';
