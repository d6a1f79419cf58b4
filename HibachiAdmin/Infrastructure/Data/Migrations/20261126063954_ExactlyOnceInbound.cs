using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExactlyOnceInbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                table: "InboundEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmsConsentSource",
                table: "Contacts",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MissedQueued",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "TextBackDoneAt",
                table: "Calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TextBackDueAt",
                table: "Calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OutboundMessageId",
                table: "Messages",
                column: "OutboundMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundEvents_LockedBy",
                table: "InboundEvents",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_TextBackDoneAt_TextBackDueAt",
                table: "Calls",
                columns: new[] { "TextBackDoneAt", "TextBackDueAt" });

            // Calls that already made their lead must not queue it again.
            migrationBuilder.Sql("UPDATE \"Calls\" SET \"MissedQueued\" = TRUE WHERE \"LeadId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_OutboundMessageId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_InboundEvents_LockedBy",
                table: "InboundEvents");

            migrationBuilder.DropIndex(
                name: "IX_Calls_TextBackDoneAt_TextBackDueAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "InboundEvents");

            migrationBuilder.DropColumn(
                name: "SmsConsentSource",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MissedQueued",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "TextBackDoneAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "TextBackDueAt",
                table: "Calls");
        }
    }
}
