/**
 * The parts of Observable Plot the book draws with, named so the bundle keeps
 * only them (a namespace import kept all of Plot: a 378 KB chunk instead of 261 KB).
 */
export { areaY, barX, barY, dot, frame, line, plot, ruleX, ruleY, text } from '@observablehq/plot';
