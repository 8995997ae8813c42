using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PossibleMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "possible_matches",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    connection_id = table.Column<string>(type: "TEXT", nullable: false),
                    a_id = table.Column<string>(type: "TEXT", nullable: false),
                    b_id = table.Column<string>(type: "TEXT", nullable: false),
                    shared_key = table.Column<string>(type: "TEXT", nullable: false),
                    decision = table.Column<int>(type: "INTEGER", nullable: false),
                    settled = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_possible_matches", x => x.id);
                    table.ForeignKey(
                        name: "FK_possible_matches_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_possible_matches_connection_id_a_id_b_id",
                table: "possible_matches",
                columns: new[] { "connection_id", "a_id", "b_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_possible_matches_connection_id_decision",
                table: "possible_matches",
                columns: new[] { "connection_id", "decision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "possible_matches");
        }
    }
}
