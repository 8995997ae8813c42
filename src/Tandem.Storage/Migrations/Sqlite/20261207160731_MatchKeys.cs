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

            migrationBuilder.CreateIndex(
                name: "IX_match_keys_connection_id_key",
                table: "match_keys",
                columns: new[] { "connection_id", "key" });

            // Existing records keep their primary email as a key; their other emails join when they next change.
            migrationBuilder.Sql("INSERT INTO match_keys (connection_id, side, record_id, key) SELECT connection_id, side, record_id, 'email:' || email_key FROM records WHERE email_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_keys");

            migrationBuilder.DropColumn(
                name: "match_issue",
                table: "records");
        }
    }
}
