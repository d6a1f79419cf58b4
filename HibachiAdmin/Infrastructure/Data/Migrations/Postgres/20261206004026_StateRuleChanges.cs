using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StateRuleChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StateRuleChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    WeekdayStart = table.Column<int>(type: "integer", nullable: true),
                    WeekdayEnd = table.Column<int>(type: "integer", nullable: true),
                    SaturdayStart = table.Column<int>(type: "integer", nullable: true),
                    SaturdayEnd = table.Column<int>(type: "integer", nullable: true),
                    SundayStart = table.Column<int>(type: "integer", nullable: true),
                    SundayEnd = table.Column<int>(type: "integer", nullable: true),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Why = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateRuleChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StateRuleChanges_State_Id",
                table: "StateRuleChanges",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StateRuleChanges");
        }
    }
}
