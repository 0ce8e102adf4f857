/** Fixed geometry of the runs grid, shared by the header, the rows and the virtualisers. */
export const ROW_HEIGHT = 30;
export const HEADER_HEIGHT = 34;
export const CHECK_WIDTH = 36;
/** Indentation per tree level. */
export const INDENT = 16;
/** Rows rendered beyond each edge of the viewport. */
export const OVERSCAN_ROWS = 10;
/** The next page is asked for once the last rendered row is this close to the last loaded one. */
export const END_MARGIN_ROWS = 30;
