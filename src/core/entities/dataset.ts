import type { KeyValue } from "./tag.js";

export interface Dataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

export type InputTag = KeyValue;

export interface DatasetInput {
  tags: InputTag[];
  dataset: Dataset;
}
