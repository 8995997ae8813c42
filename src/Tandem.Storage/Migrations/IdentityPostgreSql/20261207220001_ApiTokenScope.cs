using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Storage.Migrations.IdentityPostgreSql
{
    /// <inheritdoc />
    public partial class ApiTokenScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "expires_at",
                table: "api_tokens",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "read_only",
                table: "api_tokens",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "api_tokens");

            migrationBuilder.DropColumn(
                name: "read_only",
                table: "api_tokens");
        }
    }
}
