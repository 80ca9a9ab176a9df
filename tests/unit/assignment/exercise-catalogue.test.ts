import { describe, expect, it } from 'vitest';
import { lessonExercises } from '~/lib/exercise-catalogue.ts';
import type { Lesson } from '~/lib/lessons.ts';

const body = `Intro.

## Convolution: a small window

Text.

<Exercise
  id="conv-by-hand"
  answer={-9}
>

Compute $Y_{1,0}$ with **stride** $s = 1$.

<div slot="solution">

The solution.

</div>
</Exercise>

## Occlusion

<Exercise id="why" kind="reflection">

Which check first?

</Exercise>

<Exercise
  id="pick"
  answer={['A', 'B']}
  choices={['A', 'B', 'C']}
  multiple
>

Pick two.

</Exercise>
`;

describe('lessonExercises', () => {
  it('lists each exercise with its kind, its section and its question in plain text, never its solution', () => {
    const exercises = lessonExercises({ id: 'x', body } as unknown as Lesson);
    expect(exercises).toEqual([
      { id: 'conv-by-hand', kind: 'number', section: 'Convolution: a small window', prompt: 'Compute Y1,0 with stride s = 1.' },
      { id: 'why', kind: 'reflection', section: 'Occlusion', prompt: 'Which check first?' },
      { id: 'pick', kind: 'multiple', section: 'Occlusion', prompt: 'Pick two.' },
    ]);
  });
});
