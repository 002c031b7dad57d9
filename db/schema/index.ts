export * from "./enums";
export * from "./tenancy";
export * from "./participants";
export * from "./employers";
export * from "./activities";
export * from "./followups";
export * from "./sfi";
export * from "./audit";
