/** Side in pixels of every image the course's models take (Glassbox Objects scenes, the bundled photos' crops). */
export const IMAGE_SIDE = 64;
