// Tenants (municipalities), their units (enheter) and the people who sign in.
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";

export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** 4-digit kommunkod, e.g. Trelleborg 1287. */
  code: varchar("code", { length: 4 }).notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    name: text("name").notNull(),
    /** Default follow-up cadence, proposed when a follow-up is recorded. */
    followupCadenceDays: integer("followup_cadence_days").notNull().default(28),
    /** Days after reception without a workplace-based activity before it becomes a signal. */
    noWorkplaceSignalDays: integer("no_workplace_signal_days").notNull().default(90),
    /** Sfi attendance (percent, last four weeks) below which the coordinator gets a signal. */
    sfiAttendanceThreshold: integer("sfi_attendance_threshold").notNull().default(75),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("units_municipality_idx").on(t.municipalityId)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    unitId: uuid("unit_id").references(() => units.id),
    /** Stored lower-case; the sign-in name. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    /** argon2id hash; null for accounts that only sign in through the identity provider. */
    passwordHash: text("password_hash"),
    oidcSubject: text("oidc_subject"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_municipality_role_idx").on(t.municipalityId, t.role),
    index("users_unit_idx").on(t.unitId),
  ],
);

/** Sign-in attempts, for limiting guessing (per account and per address). */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_at_idx").on(t.email, t.at), index("login_attempts_ip_at_idx").on(t.ip, t.at)],
);
