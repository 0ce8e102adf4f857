import type { SearchEntity } from "./filter-node.js";

/** One parsed `order_by` item. For "attribute" the key is canonical (`created` → `start_time`). */
export interface OrderKey {
  entity: SearchEntity;
  key: string;
  ascending: boolean;
}
