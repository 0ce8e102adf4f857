/** Fixed geometry of the runs grid, shared by the header, the rows and the virtualisers. */
export const ROW_HEIGHT = 30;
export const HEADER_HEIGHT = 34;
export const CHECK_WIDTH = 36;
/** Indentation per tree level. */
export const INDENT = 16;
