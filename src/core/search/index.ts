export type { Comparator, Comparison, FilterNode, LogicalNode, SearchEntity, SourceSpan } from "./filter-node.js";
export type { OrderKey } from "./order-key.js";
export type { Token, TokenKind } from "./token.js";
export { SearchSyntaxError } from "./search-syntax-error.js";
export { tokenize } from "./tokenize.js";
export { parseRunFilter, parseExperimentFilter } from "./parse-filter.js";
export { parseRunOrderBy, parseExperimentOrderBy } from "./parse-order-by.js";
export { describeSearchPosition, type SearchPositionContext, type SearchPositionDescription } from "./describe-search-position.js";
