using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    WeekdayStart = table.Column<int>(type: "INTEGER", nullable: true),
                    WeekdayEnd = table.Column<int>(type: "INTEGER", nullable: true),
                    SaturdayStart = table.Column<int>(type: "INTEGER", nullable: true),
                    SaturdayEnd = table.Column<int>(type: "INTEGER", nullable: true),
                    SundayStart = table.Column<int>(type: "INTEGER", nullable: true),
                    SundayEnd = table.Column<int>(type: "INTEGER", nullable: true),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
