export { enqueue } from "./enqueue";
export { publishOutbox, withOutbox } from "./publish";
export { relayOutbox } from "./relay";
export { afterCommit } from "./scope";
