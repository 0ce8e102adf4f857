// Word lists of our own; only the shape `<adjective>-<noun>-<0..1000>`, at most 20 characters, follows MLflow.
const ADJECTIVES = [
  "able", "agile", "amber", "ample", "brave", "bright", "brisk", "calm", "caring", "clever", "cosmic", "crisp",
  "curious", "daring", "dapper", "eager", "early", "earnest", "epic", "fancy", "fearless", "fierce", "gentle",
  "gifted", "glad", "golden", "grand", "happy", "hardy", "honest", "humble", "jolly", "keen", "kind", "lively",
  "lucky", "merry", "mighty", "modest", "nimble", "noble", "patient", "placid", "plucky", "polite", "proud",
  "quick", "quiet", "rapid", "rare", "ready", "regal", "robust", "rustic", "serene", "sharp", "shiny", "silent",
  "sleek", "smart", "snappy", "solid", "spry", "stable", "steady", "stellar", "sturdy", "sunny", "swift", "tidy",
  "tender", "tranquil", "trusty", "upbeat", "valiant", "vivid", "warm", "wise", "witty", "zesty",
];
const NOUNS = [
  "ant", "ape", "badger", "bat", "bear", "bee", "bison", "boar", "carp", "cat", "cobra", "cod", "colt", "crab",
  "crane", "crow", "deer", "dingo", "dog", "dove", "duck", "eagle", "eel", "elk", "emu", "falcon", "ferret",
  "finch", "fox", "frog", "gecko", "gnu", "goat", "goose", "hare", "hawk", "heron", "hound", "ibis", "jay",
  "koala", "lark", "lemur", "lion", "llama", "lynx", "mink", "mole", "moose", "moth", "mule", "newt", "okapi",
  "orca", "otter", "owl", "ox", "panda", "puma", "quail", "rabbit", "raven", "robin", "seal", "shark", "sloth",
  "snail", "stork", "swan", "tapir", "tiger", "toad", "trout", "viper", "vole", "walrus", "wasp", "whale",
  "wolf", "wombat", "wren", "yak", "zebra",
];

const MAX_LENGTH = 20;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A run name such as `brave-otter-417`, as MLflow generates when a run is created without one. */
export function generateRunName(random: () => number = Math.random): string {
  let name = "";
  for (let attempt = 0; attempt < 10; attempt++) {
    name = `${pick(ADJECTIVES, random)}-${pick(NOUNS, random)}-${Math.floor(random() * 1001)}`;
    if (name.length <= MAX_LENGTH) return name;
  }
  return name.slice(0, MAX_LENGTH);
}
