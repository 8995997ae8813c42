using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tandem.Storage.Migrations.PostgreSql
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connection_id = table.Column<string>(type: "text", nullable: false),
                    a_id = table.Column<string>(type: "text", nullable: false),
                    b_id = table.Column<string>(type: "text", nullable: false),
                    shared_key = table.Column<string>(type: "text", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    settled = table.Column<int>(type: "integer", nullable: false),
                    proposed_at = table.Column<long>(type: "bigint", nullable: false),
                    decided_at = table.Column<long>(type: "bigint", nullable: true)
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
