export * from "./auth";
export * from "./orgs";
export * from "./projects";
export * from "./audit";
export * from "./outbox";
export * from "./email";
export * from "./account";
export * from "./webhooks";
