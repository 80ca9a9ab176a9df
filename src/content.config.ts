import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** A key term as readers meet it in the Korean bootcamp lectures and in the papers (the glossary page lists them all). */
const term = z.object({
  /** The English term, as used in the prose. */
  en: z.string().min(1),
  /** The Korean term learners know from the course (COURSE.md). */
  ko: z.string().min(1),
  /** One sentence that defines the term in this book's words (in Korean in a Korean lesson). */
  definition: z.string().min(1),
});

/** A paper or book the lesson draws its facts and equations from. */
const reference = z.object({
  authors: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  title: z.string().min(1),
  /** Journal, conference or publisher. */
  venue: z.string().optional(),
  url: z.url().optional(),
});

const lesson = z.object({
  /** Shown as the page title and in the table of contents. */
  title: z.string().min(1),
  /**
   * Sort key: lessons are read in increasing order (prev / next follow it). Gaps are fine; each part of the
   * course keeps a range: 1-9 CNN basics, 10-19 analysing model behaviour, 20-29 explaining a decision,
   * 30-39 data augmentation, 40-49 neighbouring topics (segmentation).
   */
  order: z.number().int().nonnegative(),
  /** One or two sentences for the table of contents and search results. */
  summary: z.string().min(1),
  /** What a reader can do after the lesson; shown at its top. */
  goals: z.array(z.string().min(1)).min(1),
  /** The key-terms list at the end of the lesson. */
  terms: z.array(term).min(1),
  /** Slugs of lessons to read first. */
  prerequisites: z.array(z.string()).default([]),
  references: z.array(reference).default([]),
});

/** The English lessons, and their Korean editions under the same ids (same equations, widgets and exercises). */
const lessons = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/lessons' }), schema: lesson });
const lessonsKo = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/ko/lessons' }), schema: lesson });

export const collections = { lessons, lessonsKo };
