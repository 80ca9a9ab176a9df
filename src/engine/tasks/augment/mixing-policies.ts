// The tasks of the lessons on erasing and mixing (32) and augmentation policies (33).
export * from './mixing.ts';
export * from './policies.ts';
