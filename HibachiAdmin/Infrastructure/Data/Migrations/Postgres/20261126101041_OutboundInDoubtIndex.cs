using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboundInDoubtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_Status_UpdatedAt",
                table: "OutboundMessages",
                columns: new[] { "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboundMessages_Status_UpdatedAt",
                table: "OutboundMessages");
        }
    }
}
