using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpsEventSheet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BookingSheets",
                columns: table => new
                {
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrivalTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ServeTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    GateNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ParkingNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Adults = table.Column<int>(type: "INTEGER", nullable: true),
                    Children = table.Column<int>(type: "INTEGER", nullable: true),
                    DietaryJson = table.Column<string>(type: "TEXT", nullable: false),
                    EquipmentJson = table.Column<string>(type: "TEXT", nullable: false),
                    SheetNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GuestLogJson = table.Column<string>(type: "TEXT", nullable: false),
                    OnTheWayAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OnTheWayBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ActualGuests = table.Column<int>(type: "INTEGER", nullable: true),
                    DoneNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingSheets", x => x.BookingId);
                    table.ForeignKey(
                        name: "FK_BookingSheets_BookingRows_BookingId",
                        column: x => x.BookingId,
                        principalTable: "BookingRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChefNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChefId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 640, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChefNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChefSheetLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChefId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChefSheetLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChefNotices_AssignmentEventId",
                table: "ChefNotices",
                column: "AssignmentEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChefNotices_BookingId",
                table: "ChefNotices",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_ChefNotices_Status_DueAt",
                table: "ChefNotices",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChefSheetLinks_BookingId_ChefId",
                table: "ChefSheetLinks",
                columns: new[] { "BookingId", "ChefId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChefSheetLinks_TokenHash",
                table: "ChefSheetLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookingSheets");

            migrationBuilder.DropTable(
                name: "ChefNotices");

            migrationBuilder.DropTable(
                name: "ChefSheetLinks");
        }
    }
}
