using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneInvalidReason",
                table: "Contacts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SkipBookedWithinDays",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SkipTextedWithinDays",
                table: "Campaigns",
                type: "INTEGER",
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
