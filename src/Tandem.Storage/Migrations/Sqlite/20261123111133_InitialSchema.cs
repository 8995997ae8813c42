using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: true),
                    app = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    settings_json = table.Column<string>(type: "TEXT", nullable: false),
                    secrets_encrypted = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "connections",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    account_a_id = table.Column<string>(type: "TEXT", nullable: false),
                    account_b_id = table.Column<string>(type: "TEXT", nullable: false),
                    settings_json = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    state_reason = table.Column<string>(type: "TEXT", nullable: true),
                    guard_acknowledged = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connections", x => x.id);
                    table.ForeignKey(
                        name: "FK_connections_accounts_account_a_id",
                        column: x => x.account_a_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_connections_accounts_account_b_id",
                        column: x => x.account_b_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activity",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    side = table.Column<int>(type: "INTEGER", nullable: true),
                    record_id = table.Column<string>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity", x => x.id);
                    table.ForeignKey(
                        name: "FK_activity_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cursors",
                columns: table => new
                {
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    side = table.Column<int>(type: "INTEGER", nullable: false),
                    cursor = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cursors", x => new { x.connection_id, x.side });
                    table.ForeignKey(
                        name: "FK_cursors_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "health",
                columns: table => new
                {
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    side = table.Column<int>(type: "INTEGER", nullable: false),
                    record_id = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    content_hash = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health", x => new { x.connection_id, x.side, x.record_id });
                    table.ForeignKey(
                        name: "FK_health_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    side = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    record_id = table.Column<string>(type: "TEXT", nullable: true),
                    client_ref = table.Column<string>(type: "TEXT", nullable: true),
                    email_key = table.Column<string>(type: "TEXT", nullable: true),
                    source_record_id = table.Column<string>(type: "TEXT", nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal", x => x.id);
                    table.ForeignKey(
                        name: "FK_journal_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    a_id = table.Column<string>(type: "TEXT", nullable: true),
                    b_id = table.Column<string>(type: "TEXT", nullable: true),
                    baseline = table.Column<string>(type: "TEXT", nullable: true),
                    a_deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    b_deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    rules_state = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_links", x => x.id);
                    table.ForeignKey(
                        name: "FK_links_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "records",
                columns: table => new
                {
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    side = table.Column<int>(type: "INTEGER", nullable: false),
                    record_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<string>(type: "TEXT", nullable: true),
                    content_hash = table.Column<long>(type: "INTEGER", nullable: false),
                    email_key = table.Column<string>(type: "TEXT", nullable: true),
                    snapshot = table.Column<string>(type: "TEXT", nullable: true),
                    dirty = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    scan_gen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_records", x => new { x.connection_id, x.side, x.record_id });
                    table.ForeignKey(
                        name: "FK_records_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    dry_run = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    stats = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.id);
                    table.ForeignKey(
                        name: "FK_runs_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_owner_id",
                table: "accounts",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_activity_connection_id_at",
                table: "activity",
                columns: new[] { "connection_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_connections_account_a_id",
                table: "connections",
                column: "account_a_id");

            migrationBuilder.CreateIndex(
                name: "IX_connections_account_b_id",
                table: "connections",
                column: "account_b_id");

            migrationBuilder.CreateIndex(
                name: "IX_connections_owner_id",
                table: "connections",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_health_connection_id_status",
                table: "health",
                columns: new[] { "connection_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_connection_id_state",
                table: "journal",
                columns: new[] { "connection_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_links_connection_id_a_id",
                table: "links",
                columns: new[] { "connection_id", "a_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_links_connection_id_b_id",
                table: "links",
                columns: new[] { "connection_id", "b_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_records_connection_id_dirty_side",
                table: "records",
                columns: new[] { "connection_id", "dirty", "side" });

            migrationBuilder.CreateIndex(
                name: "IX_records_connection_id_side_email_key",
                table: "records",
                columns: new[] { "connection_id", "side", "email_key" });

            migrationBuilder.CreateIndex(
                name: "IX_records_connection_id_side_scan_gen",
                table: "records",
                columns: new[] { "connection_id", "side", "scan_gen" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_connection_id_started_at",
                table: "runs",
                columns: new[] { "connection_id", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity");

            migrationBuilder.DropTable(
                name: "cursors");

            migrationBuilder.DropTable(
                name: "health");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "links");

            migrationBuilder.DropTable(
                name: "records");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "connections");

            migrationBuilder.DropTable(
                name: "accounts");
        }
    }
}
