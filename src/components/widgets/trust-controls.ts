import { cancelSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-trust.ts';

const lang = pageLang();
const t = strings(lang);

/** Fills an object menu with the scene's objects by class name, keeping `keep` when it exists. */
function fillObjects(select: HTMLSelectElement, scene: Scene, keep: number): void {
  select.replaceChildren(
    ...scene.objects.map((object, i) => new Option(`${i + 1}: ${className(OBJECT_CLASSES[object.classIndex]!, lang)}`, String(i), false, i === keep)),
  );
  if (keep >= scene.objects.length) select.value = '0';
}

/** The object menu of a trust widget: for every new scene, `fillObjects` keeping the restored object the first time, the first object after that. */
export function objectMenu(select: HTMLSelectElement, restored: number | undefined): (scene: Scene) => void {
  let pending = restored;
  return (scene) => {
    fillObjects(select, scene, pending ?? 0);
    pending = undefined;
  };
}

/** Stops the widget's session for good; what it drew so far stays on screen. */
export async function stop(id: string, shell: WidgetShell): Promise<void> {
  await cancelSession(id);
  shell.say(t('stopped'));
}
