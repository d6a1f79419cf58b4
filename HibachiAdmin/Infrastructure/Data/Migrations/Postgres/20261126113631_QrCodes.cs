using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QrCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QrCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DestinationUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UsesInquiryForm = table.Column<bool>(type: "boolean", nullable: false),
                    Venue = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    TableNumber = table.Column<int>(type: "integer", nullable: true),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    Campaign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UtmSource = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UtmMedium = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UtmCampaign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UtmContent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ValidUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ForegroundColor = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    BackgroundColor = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    WithLogo = table.Column<bool>(type: "boolean", nullable: false),
                    ErrorCorrection = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QrCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QrLeadLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QrCodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Via = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QrLeadLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QrLeadLinks_QrCodes_QrCodeId",
                        column: x => x.QrCodeId,
                        principalTable: "QrCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QrScanDaily",
                columns: table => new
                {
                    QrCodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsBot = table.Column<bool>(type: "boolean", nullable: false),
                    Scans = table.Column<long>(type: "bigint", nullable: false),
                    NewVisitors = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QrScanDaily", x => new { x.QrCodeId, x.Day, x.Dimension, x.Value, x.IsBot });
                    table.ForeignKey(
                        name: "FK_QrScanDaily_QrCodes_QrCodeId",
                        column: x => x.QrCodeId,
                        principalTable: "QrCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QrScans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QrCodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AnonymizedIp = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    VisitorId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsNewVisitor = table.Column<bool>(type: "boolean", nullable: false),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Device = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Os = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Browser = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IsBot = table.Column<bool>(type: "boolean", nullable: false),
                    Referer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QrScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QrScans_QrCodes_QrCodeId",
                        column: x => x.QrCodeId,
                        principalTable: "QrCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QrCodes_CreatedAt",
                table: "QrCodes",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_QrCodes_Slug",
                table: "QrCodes",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QrCodes_Venue_TableNumber",
                table: "QrCodes",
                columns: new[] { "Venue", "TableNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_QrLeadLinks_QrCodeId_LeadId",
                table: "QrLeadLinks",
                columns: new[] { "QrCodeId", "LeadId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QrScanDaily_Day_Dimension",
                table: "QrScanDaily",
                columns: new[] { "Day", "Dimension" });

            migrationBuilder.CreateIndex(
                name: "IX_QrScans_QrCodeId_At",
                table: "QrScans",
                columns: new[] { "QrCodeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_QrScans_VisitorId_QrCodeId",
                table: "QrScans",
                columns: new[] { "VisitorId", "QrCodeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QrLeadLinks");

            migrationBuilder.DropTable(
                name: "QrScanDaily");

            migrationBuilder.DropTable(
                name: "QrScans");

            migrationBuilder.DropTable(
                name: "QrCodes");
        }
    }
}
