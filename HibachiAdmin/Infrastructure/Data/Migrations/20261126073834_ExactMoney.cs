using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HibachiAdmin.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExactMoney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Money was a REAL double on SQLite; it becomes an exact INTEGER of ten-thousandths of a
            // dollar (SqliteMoneyConverter). The table rebuild copies the old values; they are scaled
            // after it. Only SQLite stores money this way.
            if (ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            migrationBuilder.AlterColumn<long>(
                name: "Cost",
                table: "OutboundMessages",
                type: "INTEGER",
                precision: 10,
                scale: 4,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 10,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "EstimatedValue",
                table: "Leads",
                type: "INTEGER",
                precision: 12,
                scale: 2,
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 12,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Total",
                table: "BookingRows",
                type: "INTEGER",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 12,
                oldScale: 2);

            migrationBuilder.AlterColumn<long>(
                name: "PricePerPerson",
                table: "BookingRows",
                type: "INTEGER",
                precision: 10,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 10,
                oldScale: 2);

            migrationBuilder.AlterColumn<long>(
                name: "DepositPaid",
                table: "BookingRows",
                type: "INTEGER",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 12,
                oldScale: 2);

            migrationBuilder.Sql("UPDATE \"OutboundMessages\" SET \"Cost\" = CAST(ROUND(\"Cost\" * 10000) AS INTEGER) WHERE \"Cost\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Leads\" SET \"EstimatedValue\" = CAST(ROUND(\"EstimatedValue\" * 10000) AS INTEGER) WHERE \"EstimatedValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"BookingRows\" SET \"Total\" = CAST(ROUND(\"Total\" * 10000) AS INTEGER) WHERE \"Total\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"BookingRows\" SET \"PricePerPerson\" = CAST(ROUND(\"PricePerPerson\" * 10000) AS INTEGER) WHERE \"PricePerPerson\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"BookingRows\" SET \"DepositPaid\" = CAST(ROUND(\"DepositPaid\" * 10000) AS INTEGER) WHERE \"DepositPaid\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            migrationBuilder.AlterColumn<double>(
                name: "Cost",
                table: "OutboundMessages",
                type: "REAL",
                precision: 10,
                scale: 4,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 10,
                oldScale: 4);

            migrationBuilder.AlterColumn<double>(
                name: "EstimatedValue",
                table: "Leads",
                type: "REAL",
                precision: 12,
                scale: 2,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 12,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Total",
                table: "BookingRows",
                type: "REAL",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 12,
                oldScale: 2);

            migrationBuilder.AlterColumn<double>(
                name: "PricePerPerson",
                table: "BookingRows",
                type: "REAL",
                precision: 10,
                scale: 2,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 10,
                oldScale: 2);

            migrationBuilder.AlterColumn<double>(
                name: "DepositPaid",
                table: "BookingRows",
                type: "REAL",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 12,
                oldScale: 2);

            migrationBuilder.Sql("UPDATE \"OutboundMessages\" SET \"Cost\" = \"Cost\" / 10000.0 WHERE \"Cost\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Leads\" SET \"EstimatedValue\" = \"EstimatedValue\" / 10000.0 WHERE \"EstimatedValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"BookingRows\" SET \"Total\" = \"Total\" / 10000.0 WHERE \"Total\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"BookingRows\" SET \"PricePerPerson\" = \"PricePerPerson\" / 10000.0 WHERE \"PricePerPerson\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"BookingRows\" SET \"DepositPaid\" = \"DepositPaid\" / 10000.0 WHERE \"DepositPaid\" IS NOT NULL;");
        }
    }
}
