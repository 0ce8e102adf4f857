/** A key/value pair: run tags, experiment tags and params share this wire shape. */
export interface KeyValue {
  key: string;
  value: string;
}
export type RunTag = KeyValue;
export type ExperimentTag = KeyValue;
export type Param = KeyValue;
