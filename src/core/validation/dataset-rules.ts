import type { DatasetInput } from "../entities/dataset.js";
import { validateLength } from "./key-name.js";
import { Limits } from "./limits.js";

/** `_validate_dataset_inputs`: lengths of dataset fields and input tags. Presence is checked by the request parser. */
export function validateDatasetInputs(inputs: readonly DatasetInput[]): void {
  for (const { dataset, tags } of inputs) {
    validateLength("Dataset name", dataset.name, Limits.DATASET_NAME);
    validateLength("Dataset digest", dataset.digest, Limits.DATASET_DIGEST);
    validateLength("Dataset source_type", dataset.source_type, Limits.DATASET_SOURCE_TYPE);
    validateLength("Dataset source", dataset.source, Limits.DATASET_SOURCE);
    if (dataset.schema !== undefined) validateLength("Dataset schema", dataset.schema, Limits.DATASET_SCHEMA);
    if (dataset.profile !== undefined) validateLength("Dataset profile", dataset.profile, Limits.DATASET_PROFILE);
    for (const tag of tags) {
      validateLength("Input tag key", tag.key, Limits.INPUT_TAG_KEY);
      validateLength("Input tag value", tag.value, Limits.INPUT_TAG_VALUE);
    }
  }
}
