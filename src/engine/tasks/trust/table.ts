import type * as tfl from '@tensorflow/tfjs-layers';
import type { ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt, type Scene } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import type { Session } from '../../runtime/session.ts';
import { badArgument } from '../../shared/errors.ts';
import { POINTING_TOLERANCE } from '../../shared/pointing-tolerance.ts';
import { OBJECTS_SPLITS } from '../../shared/splits.ts';
import type { ModelSource } from '../scene-input.ts';
import { ANY_MAP_METHODS, methodLabel } from './maps.ts';
import { pointingChance, sceneModel, type TrustScene } from './scene.ts';
import { SceneRows, sceneSteps, tableMethods, type MethodRow, type RowSettings } from './scene-rows.ts';

/**
 * The scenes to measure: the first `count` held-out scenes (2 or 3 objects,
 * alternating: the batch the model card's pointing game uses), generated here
 * from the Glassbox Objects atlas (the site's, which the engine loads, unless a
 * test passes one); or the scenes themselves.
 */
export type TableArgs = RowSettings & { model?: ModelSource } & ({ atlas?: ObjectAtlas; count: number } | { scenes: readonly TrustScene[] });

export interface MethodTable {
  rows: MethodRow[];
  /** Scenes measured so far. */
  scenes: number;
  /**
   * The pointing accuracy a peak placed uniformly at random would score on
   * these objects: the mean fraction of pixels within the tolerance of each mask.
   */
  chance: number;
}

export interface TableProgress {
  /** The table over the scenes finished so far. */
  table: MethodTable;
  /** Scenes in all. */
  total: number;
}

const objectsIn = (index: number) => 2 + (index % 2);

/** Held-out scene `index` as the table measures it: 2 or 3 objects, alternating. */
export function tableScene(atlas: ObjectAtlas, index: number): Scene {
  return sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, index, { count: objectsIn(index) });
}

/**
 * The comparison table on a held-out batch as a session: for every method,
 * pointing-game accuracy over all objects, and mean deletion and insertion AUC
 * over the scenes (each scene's curves follow the present class the model
 * rates most probable). A step makes a scene, or one object's map (one
 * SmoothGrad sample), or one forward pass of a curve; the table is reported
 * scene by scene.
 */
export async function methodTable(args: TableArgs): Promise<MethodTableRun> {
  const count = 'scenes' in args ? args.scenes.length : args.count;
  const most = OBJECTS_SPLITS.scenes.count;
  if (!Number.isInteger(count) || count < 1 || count > most) throw badArgument('methodTable', 'scenes', `1 to ${most} scenes`, count);
  if (!('scenes' in args) && args.atlas !== undefined && !Array.isArray(args.atlas.templates)) throw badArgument('methodTable', 'atlas', 'the Glassbox Objects atlas (index and decoded sheets)', typeof args.atlas);
  if (!Number.isInteger(args.steps) || args.steps < 1) throw badArgument('methodTable', 'steps', 'an integer >= 1', args.steps);
  const known = ANY_MAP_METHODS.map(({ id }) => id as string);
  const methods = tableMethods(args);
  if (methods.length === 0 || methods.some((method) => !known.includes(method))) throw badArgument('methodTable', 'methods', `some of ${known.join(', ')}`, methods.join(', '));
  const loaded = 'scenes' in args ? args : { ...args, atlas: args.atlas ?? (await loadObjectAtlas()) };
  return new MethodTableRun(await sceneModel(args.model), loaded, count);
}

export class MethodTableRun implements Session<TableProgress, MethodTable> {
  private readonly rows: MethodRow[];
  private readonly chances: number[] = [];
  private readonly total: number;
  /** The table as of the last finished scene: what progress and read report. */
  private snapshot: MethodTable;
  private current: SceneRows | undefined;
  private scene: TrustScene | undefined;
  private opened = 0;
  private done = 0;

  constructor(
    private readonly model: tfl.LayersModel,
    private readonly args: TableArgs,
    private readonly count: number,
  ) {
    this.rows = tableMethods(args).map((id) => ({ method: id, label: methodLabel(id), trials: [], pointing: NaN, deletionAucs: [], insertionAucs: [], deletionAuc: NaN, insertionAuc: NaN }));
    const objects = Array.from({ length: count }, (_, s) => ('scenes' in args ? args.scenes[s]!.objects.length : objectsIn(s)));
    // One step opens each scene.
    this.total = objects.reduce((sum, n) => sum + 1 + sceneSteps(n, args), 0);
    this.snapshot = this.copy(0);
  }

  remaining(): number {
    return this.total - this.done;
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) {
      if (!this.current) await this.open();
      else await this.current.step();
      this.done++;
      if (this.current?.remaining() === 0) this.close();
    }
  }

  private async open(): Promise<void> {
    const index = this.opened++;
    const scene = 'scenes' in this.args ? this.args.scenes[index]! : tableScene(this.args.atlas!, index);
    const { steps, seed, smoothSamples, methods } = this.args;
    this.current = await SceneRows.open(this.model, scene, index, this.rows, { steps, seed, smoothSamples, ...(methods ? { methods } : {}) });
    this.scene = scene;
  }

  /** Every row has its trials and curves for this scene: the table moves on by one scene. */
  private close(): void {
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    for (const row of this.rows) {
      row.pointing = row.trials.filter((trial) => trial.hit).length / row.trials.length;
      row.deletionAuc = mean(row.deletionAucs);
      row.insertionAuc = mean(row.insertionAucs);
    }
    const scene = this.scene!;
    this.chances.push(...scene.objects.map((object) => pointingChance(object.mask, scene.size, POINTING_TOLERANCE)));
    this.current!.dispose();
    this.current = undefined;
    this.snapshot = this.copy(this.opened);
  }

  /** The rows as they stand, as plain data the session no longer touches. */
  private copy(scenes: number): MethodTable {
    const rows = this.rows.map((row) => ({ ...row, trials: row.trials.map((trial) => ({ ...trial })), deletionAucs: [...row.deletionAucs], insertionAucs: [...row.insertionAucs] }));
    const chance = this.chances.length ? this.chances.reduce((a, b) => a + b, 0) / this.chances.length : NaN;
    return { rows, scenes, chance };
  }

  async progress(): Promise<TableProgress> {
    return { table: this.snapshot, total: this.count };
  }

  /** The table over the scenes finished so far (all of them once the session ends). */
  async read(): Promise<MethodTable> {
    return this.snapshot;
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }
}
