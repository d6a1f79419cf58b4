using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CampaignAudienceOptionsAndInvalidNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PhoneInvalidAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneInvalidReason",
                table: "Contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SkipBookedWithinDays",
                table: "Campaigns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SkipTextedWithinDays",
                table: "Campaigns",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignDeliveries_SentAt",
                table: "CampaignDeliveries",
                column: "SentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignDeliveries_SentAt",
                table: "CampaignDeliveries");

            migrationBuilder.DropColumn(
                name: "PhoneInvalidAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PhoneInvalidReason",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "SkipBookedWithinDays",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "SkipTextedWithinDays",
                table: "Campaigns");
        }
    }
}
