using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No keys are copied here: a connection without a match_settings row has every record's keys read
            // again from its snapshot by its next run (RekeySql), secondary emails included.
            migrationBuilder.AddColumn<string>(
                name: "match_issue",
                table: "records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "match_keys",
                columns: table => new
                {
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    side = table.Column<int>(type: "INTEGER", nullable: false),
                    record_id = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_keys", x => new { x.connection_id, x.side, x.record_id, x.key });
                    table.ForeignKey(
                        name: "FK_match_keys_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_settings",
                columns: table => new
                {
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    signature = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_settings", x => x.connection_id);
                    table.ForeignKey(
                        name: "FK_match_settings_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_match_keys_connection_id_key",
                table: "match_keys",
                columns: new[] { "connection_id", "key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_keys");

            migrationBuilder.DropTable(
                name: "match_settings");

            migrationBuilder.DropColumn(
                name: "match_issue",
                table: "records");
        }
    }
}
