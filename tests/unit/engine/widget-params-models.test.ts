import { describe, expect, it } from 'vitest';
import { SHIPPED_MODELS } from '~/engine/shared/models.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { chooseModel, isObjectsModelId, OBJECTS_MODEL_IDS } from '~/engine/shared/widget-params/model.ts';
import { validateWidgetState } from '~/engine/shared/widget-params/validate.ts';

const state = (widget: string, model: unknown): WidgetState => ({ widget, params: {}, seed: 1, model: model as string });

describe('the model field of the explanation widgets', () => {
  it('offers the shipped Glassbox Objects models, the course model first, and no Fashion-MNIST one', () => {
    expect(OBJECTS_MODEL_IDS).toEqual(['objects-cnn', 'objects-cnn-b', 'objects-lab-flips-crops', 'objects-lab']);
    expect(SHIPPED_MODELS.filter((m) => !OBJECTS_MODEL_IDS.includes(m.id)).map((m) => m.dataset)).toEqual(['fashion']);
  });

  it('accepts a shipped objects id or a run id of the form saveRun gives, and nothing else', () => {
    for (const id of ['objects-cnn', 'objects-lab', 'run:a', 'run:flips-crops-2', `run:${'a'.repeat(64)}`]) expect(isObjectsModelId(id), id).toBe(true);
    for (const id of ['fashion-cnn', 'page:mine', 'run:', 'run:Caps', 'run:a b', `run:${'a'.repeat(65)}`, 'objects-cnn ', '../objects-cnn', 3, null]) {
      expect(isObjectsModelId(id), String(id)).toBe(false);
    }
  });

  it('keeps a valid model in the three widgets with a menu, and falls back to objects-cnn with a notice otherwise', () => {
    for (const widget of ['grad-cam-explorer', 'scene-composer', 'method-table']) {
      expect(validateWidgetState(state(widget, 'run:mine'))).toEqual({ state: { widget, params: {}, seed: 1, model: 'run:mine' }, notices: [] });
      const checked = validateWidgetState(state(widget, 'fashion-cnn'));
      expect(checked.state.model).toBe('objects-cnn');
      expect(checked.notices).toEqual([
        'model: "fashion-cnn" is not a Glassbox Objects model (objects-cnn, objects-cnn-b, objects-lab-flips-crops, objects-lab) or a saved run "run:<name>"; using "objects-cnn".',
      ]);
    }
    // A widget without a menu drops the model: it computes with its own.
    expect(validateWidgetState(state('cam-builder', 'objects-lab')).state.model).toBeUndefined();
  });

  it('chooses a restored model only when the menu offers it; a run that is gone falls back with a notice', () => {
    const offered = [...OBJECTS_MODEL_IDS, 'run:kept'];
    expect(chooseModel(undefined, offered)).toEqual({ model: 'objects-cnn' });
    expect(chooseModel('run:kept', offered)).toEqual({ model: 'run:kept' });
    expect(chooseModel('objects-lab-flips-crops', offered)).toEqual({ model: 'objects-lab-flips-crops' });
    expect(chooseModel('run:gone', offered)).toEqual({
      model: 'objects-cnn',
      notice: 'model: "run:gone" is not a run saved in this browser (it was deleted, or trained in another browser: a link carries a run’s name, not its weights); using "objects-cnn".',
    });
    expect(chooseModel('objects-cnn-b', ['objects-cnn']).notice).toBe('model: "objects-cnn-b" is not one of objects-cnn; using "objects-cnn".');
  });
});
