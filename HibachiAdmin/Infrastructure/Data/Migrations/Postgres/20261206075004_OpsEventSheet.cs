using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations.Postgres
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
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrivalTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ServeTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    GateNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ParkingNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Setting = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Adults = table.Column<int>(type: "integer", nullable: true),
                    Children = table.Column<int>(type: "integer", nullable: true),
                    DietaryJson = table.Column<string>(type: "text", nullable: false),
                    EquipmentJson = table.Column<string>(type: "text", nullable: false),
                    SheetNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GuestLogJson = table.Column<string>(type: "text", nullable: false),
                    OnTheWayAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OnTheWayBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ArrivedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ActualGuests = table.Column<int>(type: "integer", nullable: true),
                    DoneNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChefId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(640)", maxLength: 640, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChefNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChefSheetLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChefId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
