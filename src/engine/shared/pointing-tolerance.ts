/**
 * The course's pointing-game tolerance in pixels: Zhang et al. (2016) allow
 * 15 px on photographs about 500 px wide (PASCAL VOC, COCO); scaled to our
 * 64 px scenes that is 2 px. The lessons, the widgets and the model cards all
 * use it. A module of its own, free of tfjs, so islands can import it.
 */
export const POINTING_TOLERANCE = 2;
