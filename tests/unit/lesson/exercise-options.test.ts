import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choiceKey } from '~/components/lesson/exercise-answer.ts';
import { buildExercise, type ExerciseProps } from '~/components/lesson/exercise-build.ts';
import { grade, type GradedSpec } from '~/components/lesson/exercise-grade.ts';
import { chosenPositions } from '~/components/lesson/exercise-options.ts';
import { choiceExercises, exerciseTags, type ChoiceSource } from '~/components/lesson/exercise-source.ts';

/** One choice exercise as each edition's MDX states it. */
function editions(lesson: string, id: string): { en: ChoiceSource; ko: ChoiceSource } {
  const read = (path: string) => choiceExercises(readFileSync(path, 'utf8')).get(id)!;
  return { en: read(`content/lessons/${lesson}.mdx`), ko: read(`content/ko/lessons/${lesson}.mdx`) };
}

const props = (id: string, source: ChoiceSource): ExerciseProps => ({
  id,
  choices: source.choices,
  multiple: source.multiple,
  answer: source.multiple ? source.answer : source.answer[0],
  slips: source.slips.map((chosen, i) => ({ choice: source.multiple ? chosen : chosen[0]!, feedback: `slip ${i}` })),
});

/** The spec a page of that edition carries, made by the build's own code (the salt names the lesson, not the edition). */
async function pageSpec(lesson: string, id: string, source: ChoiceSource): Promise<GradedSpec> {
  const data = await buildExercise(props(id, source), lesson, '');
  const slips = (JSON.parse(data.slips) as { d: string[]; f: string }[]).map((s) => ({ digests: s.d, feedback: s.f }));
  return { kind: data.kind as GradedSpec['kind'], salt: data.salt, tolerance: 0, accept: data.accept.split(' '), slips };
}

const LESSON = 'geometric-transforms';
const ID = 'mask-interpolation';

describe('a choice answered in one edition', () => {
  const { en, ko } = editions(LESSON, ID);

  it('has the same key as the same option in the other edition (geometric-transforms#mask-interpolation)', () => {
    expect(en.choices[1]).toMatch(/^The mask would get values between 0 and 1/);
    expect(ko.choices[1]).toMatch(/^마스크가 물체의 경계에서/);
    // What each edition's page sends for its right option, and for the slip about speed.
    const english = choiceKey([en.choices.indexOf(en.answer[0]!)]);
    const korean = choiceKey([ko.choices.indexOf(ko.answer[0]!)]);
    expect(english).toBe('c:1');
    expect(korean).toBe(english);
    expect(choiceKey([en.choices.indexOf('Bilinear interpolation is too slow for masks.')])).toBe(
      choiceKey([ko.choices.indexOf('쌍선형 보간은 마스크에 쓰기에는 너무 느립니다.')]),
    );
  });

  it('is graded right by the other edition’s page, and a wrong option stays wrong with its slip’s feedback', async () => {
    const english = await pageSpec(LESSON, ID, en);
    const korean = await pageSpec(LESSON, ID, ko);
    expect(korean.accept).toEqual(english.accept);
    expect(korean.slips.map((s) => s.digests)).toEqual(english.slips.map((s) => s.digests));
    expect((await grade(korean, [1])).result).toBe('correct');
    expect(await grade(korean, [0])).toEqual({ result: 'wrong', message: 'slip 0', slip: true });
    expect(await grade(english, [2])).toEqual({ result: 'wrong', message: 'slip 1', slip: true });
    expect((await grade(english, [0, 1])).result).toBe('wrong');
  });

  it('carries the same digests in both editions, for every choice exercise of the book', async () => {
    let seen = 0;
    for (const file of readdirSync('content/lessons').filter((name) => name.endsWith('.mdx'))) {
      const lesson = file.slice(0, -4);
      const korean = choiceExercises(readFileSync(`content/ko/lessons/${file}`, 'utf8'));
      for (const [id, english] of choiceExercises(readFileSync(`content/lessons/${file}`, 'utf8'))) {
        const a = await pageSpec(lesson, id, english);
        const b = await pageSpec(lesson, id, korean.get(id)!);
        expect(b.accept, `${lesson}#${id}`).toEqual(a.accept);
        expect(b.slips.map((s) => s.digests), `${lesson}#${id}`).toEqual(a.slips.map((s) => s.digests));
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(20);
  });
});

describe('chosenPositions', () => {
  const { en, ko } = editions(LESSON, ID);

  it('takes a record kept by position as it is', () => {
    expect(chosenPositions([1], 3, [ko.choices, en.choices])).toEqual([1]);
    expect(chosenPositions([2, 0], 3, [en.choices])).toEqual([0, 2]);
    expect(chosenPositions([], 3, [en.choices])).toEqual([]);
  });

  it('restores a record kept by an option’s text, written in either edition, to that option', () => {
    const slow = 'Bilinear interpolation is too slow for masks.';
    const right = en.answer[0]!;
    // On the English page (its own texts first), and on the Korean page (the English texts come second).
    expect(chosenPositions(right, 3, [en.choices, ko.choices])).toEqual([1]);
    expect(chosenPositions(right, 3, [ko.choices, en.choices])).toEqual([1]);
    expect(chosenPositions(slow, 3, [ko.choices, en.choices])).toEqual([0]);
    expect(chosenPositions(ko.choices[2]!, 3, [en.choices, ko.choices])).toEqual([2]);
    // Compared as the grader compares phrases: case, spaces and typographic quotes do not matter.
    expect(chosenPositions('  BILINEAR interpolation is too   slow for masks. ', 3, [en.choices])).toEqual([0]);
    // Several options, kept as a list of texts.
    expect(chosenPositions([ko.choices[2]!, slow], 3, [en.choices, ko.choices])).toEqual([0, 2]);
    expect(chosenPositions('', 3, [en.choices])).toEqual([]);
  });

  it('says null, for unanswered, when a record names an option the exercise does not have', () => {
    expect(chosenPositions('Bilinear interpolation is too slow.', 3, [en.choices, ko.choices])).toBeNull();
    // A page built without the other edition's texts cannot read a Korean record.
    expect(chosenPositions(ko.choices[1]!, 3, [en.choices])).toBeNull();
    expect(chosenPositions([en.choices[0]!, 'no such option'], 3, [en.choices])).toBeNull();
    expect(chosenPositions([3], 3, [en.choices])).toBeNull();
  });
});

describe('exerciseTags', () => {
  it('reads literal attributes, escapes included, and leaves other expressions undefined', () => {
    const mdx = [
      '```mdx',
      '<Exercise id="in-a-fence" choices={["no"]} />',
      '```',
      '<Exercise',
      '  id="q"',
      `  answer="The model's answer"`,
      '  tolerance={0.05}',
      '  multiple',
      `  choices={['It\\'s one', "two \\"quoted\\"", \`three\`, 'caf\\u00e9',]}`,
      "  slips={[{ choice: ['two \"quoted\"'], feedback: 'f' }, { value: 100 * x, feedback: 'g' }]}",
      '  hint={`${x} away`}',
      '>',
    ].join('\n');
    const tags = exerciseTags(mdx);
    expect([...tags.keys()]).toEqual(['q']);
    const q = tags.get('q')!;
    expect(q).toMatchObject({ answer: "The model's answer", tolerance: 0.05, multiple: true });
    expect(q['choices']).toEqual(["It's one", 'two "quoted"', 'three', 'café']);
    expect(q['slips']).toBeUndefined();
    expect(q['hint']).toBeUndefined();
  });
});
