using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignDeliveries_CampaignId_Status",
                table: "CampaignDeliveries",
                columns: new[] { "CampaignId", "Status" });

            // Backfill: a row whose text the carrier already reported takes that status now (it used to stay Sent and be
            // recomputed from the texts at read time); from here on the receipts move the row (CampaignDeliveryReceipts).
            migrationBuilder.Sql("""
                UPDATE "CampaignDeliveries"
                SET "Status" = (SELECT m."Status" FROM "OutboundMessages" m WHERE m."Id" = "CampaignDeliveries"."OutboundMessageId"),
                    "DeliveredAt" = (SELECT m."DeliveredAt" FROM "OutboundMessages" m WHERE m."Id" = "CampaignDeliveries"."OutboundMessageId"),
                    "SentAt" = COALESCE("SentAt", (SELECT COALESCE(m."SentAt", m."UpdatedAt") FROM "OutboundMessages" m WHERE m."Id" = "CampaignDeliveries"."OutboundMessageId")),
                    "Reason" = COALESCE("Reason", (SELECT substr(m."Error", 1, 200) FROM "OutboundMessages" m WHERE m."Id" = "CampaignDeliveries"."OutboundMessageId" AND m."Status" = 'Failed'))
                WHERE "Status" IN ('Sending', 'Sent') AND "OutboundMessageId" IS NOT NULL
                  AND EXISTS (SELECT 1 FROM "OutboundMessages" m WHERE m."Id" = "CampaignDeliveries"."OutboundMessageId" AND m."Status" IN ('Delivered', 'Failed'));
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
