import GRDB

extension SQLiteCaseStore {
    /// Every version of the schema, in order. A new version is a new migration appended here, never an edit of an
    /// old one. Types and SQL stay within what PostgreSQL also has (INTEGER, TEXT, BOOLEAN, UNIQUE, foreign keys).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: clues, cases, assignments, units, audit") { db in
            try db.create(table: "unit") { table in
                table.primaryKey("name", .text)
                table.column("kind", .text).notNull()
            }
            try db.create(table: "case_file") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("state", .text).notNull().indexed()
                table.column("subtype", .integer).notNull().indexed()
                table.column("category", .integer).notNull()
                table.column("secondary", .text).notNull()
                table.column("county", .text)
                table.column("unit", .text).notNull().indexed().references("unit")
                table.column("manual_route", .boolean).notNull()
                table.column("risk", .text).notNull()
                table.column("escalated", .boolean).notNull()
                table.column("refer_discipline", .boolean).notNull()
                table.column("summary", .text).notNull()
                table.column("channel", .text)
                table.column("first_received_on", .text).notNull()
                table.column("last_received_on", .text).notNull()
                table.column("report_count", .integer).notNull()
                table.column("recurrence_of", .integer).references("case_file")
                table.column("fingerprint", .integer).notNull()
                table.column("opened_at", .text).notNull()
                table.column("conclusion", .text)
                table.column("substantiated", .boolean)
                table.column("measures", .text)
                table.column("rectify_by", .text)
                table.column("responsible", .text)
                table.column("feedback", .text)
                table.column("written_off_at", .text)
            }
            try db.create(
                index: "case_file_on_county_last_received", on: "case_file", columns: ["county", "last_received_on"])
            try db.create(table: "clue") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("source_key", .text).notNull().unique()
                table.column("source_id", .text)
                table.column("source", .text)
                table.column("channel", .text)
                table.column("received_at", .text)
                table.column("received_on", .text).notNull().indexed()
                table.column("raw_text", .text).notNull()
                table.column("masked_text", .text).notNull()
                table.column("contact", .text)
                table.column("record", .text).notNull()
                table.column("lexicon_version", .text).notNull()
                table.column("in_scope", .boolean).notNull()
                table.column("subtype", .integer).notNull()
                table.column("category", .integer)
                table.column("secondary", .text).notNull()
                table.column("risk", .text).notNull()
                table.column("escalate", .boolean).notNull()
                table.column("refer_discipline", .boolean).notNull()
                table.column("county", .text)
                table.column("fingerprint", .integer).notNull()
                table.column("case_id", .integer).indexed().references("case_file")
                table.column("registered_at", .text).notNull()
            }
            try db.create(table: "assignment") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("case_id", .integer).notNull().indexed().references("case_file")
                table.column("number", .text).notNull().unique()
                table.column("year", .integer).notNull()
                table.column("serial", .integer).notNull()
                table.column("unit", .text).notNull().references("unit")
                table.column("assigned_on", .text).notNull()
                table.column("due_on", .text).notNull()
                table.column("due_warning", .text)
                table.column("assigned_by", .text).notNull()
                table.uniqueKey(["year", "serial"])
            }
            try db.create(table: "deadline_extension") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("assignment_id", .integer).notNull().indexed().references("assignment")
                table.column("previous_due_on", .text).notNull()
                table.column("due_on", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("granted_by", .text).notNull()
                table.column("granted_at", .text).notNull()
            }
            // The last serial handed out per year; incremented in the transaction that inserts the assignment, so
            // numbers are gap-free and unique whatever number of processes write at once.
            try db.create(table: "number_counter") { table in
                table.primaryKey("year", .integer)
                table.column("last", .integer).notNull()
            }
            try db.create(table: "audit_entry") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("case_id", .integer).notNull().indexed().references("case_file")
                table.column("at", .text).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("from_state", .text)
                table.column("to_state", .text)
                table.column("reason", .text)
            }
            // The audit trail is append-only: the database itself refuses edits and deletions.
            try db.execute(
                sql: """
                    CREATE TRIGGER audit_entry_append_only_update BEFORE UPDATE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                    CREATE TRIGGER audit_entry_append_only_delete BEFORE DELETE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                    """)
        }
        return migrator
    }
}
