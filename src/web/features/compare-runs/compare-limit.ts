/**
 * The most runs the compare view takes: 300 open in about 2 s on two cores, while every run selected
 * in a table of 10,000 hung the tab (a table of 10,000 columns × every key, and charts of them all).
 */
export const MAX_COMPARE = 500;
