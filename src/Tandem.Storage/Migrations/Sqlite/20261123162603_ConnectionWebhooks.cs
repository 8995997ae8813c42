using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConnectionWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "webhook_a_id",
                table: "connections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "webhook_b_id",
                table: "connections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "webhook_problem",
                table: "connections",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "webhook_a_id",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "webhook_b_id",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "webhook_problem",
                table: "connections");
        }
    }
}
