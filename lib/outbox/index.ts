export { enqueue } from "./enqueue";
export { publishEvents, withOutbox } from "./publish";
export { relayOutbox } from "./relay";
export { afterCommit } from "./scope";
