export * from "./downsample-min-max.js";
export * from "./smooth-ema.js";
export * from "./sampled-history.js";
export * from "./min-max-accumulator.js";
export * from "./encode-sampled-history.js";
export * from "./sampled-columns.js";
export * from "./sampled-binary.js";
