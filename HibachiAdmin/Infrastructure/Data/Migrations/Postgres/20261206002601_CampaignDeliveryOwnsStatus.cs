using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CampaignDeliveryOwnsStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "CampaignDeliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignDeliveries_CampaignId_Status",
                table: "CampaignDeliveries",
                columns: new[] { "CampaignId", "Status" });

            // Backfill: a row whose text the carrier already reported takes that status now (it used to stay Sent and be
            // recomputed from the texts at read time); from here on the receipts move the row (CampaignDeliveryReceipts).
            migrationBuilder.Sql("""
                UPDATE "CampaignDeliveries" AS d
                SET "Status" = m."Status",
                    "DeliveredAt" = m."DeliveredAt",
                    "SentAt" = COALESCE(d."SentAt", m."SentAt", m."UpdatedAt"),
                    "Reason" = CASE WHEN m."Status" = 'Failed' THEN COALESCE(d."Reason", left(m."Error", 200)) ELSE d."Reason" END
                FROM "OutboundMessages" AS m
                WHERE m."Id" = d."OutboundMessageId" AND d."Status" IN ('Sending', 'Sent') AND m."Status" IN ('Delivered', 'Failed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignDeliveries_CampaignId_Status",
                table: "CampaignDeliveries");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "CampaignDeliveries");
        }
    }
}
