using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunnerUnitsAndZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DistanceUnit",
                table: "Runners",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Runners",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeightUnit",
                table: "Runners",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LocalDate",
                table: "Activities",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Rows stored before runners had a time zone were dated by their UTC day, as everything was then (UTC).
            migrationBuilder.Sql("""UPDATE "Activities" SET "LocalDate" = substr("StartTime", 1, 10);""");

            migrationBuilder.UpdateData(
                table: "Runners",
                keyColumn: "Id",
                keyValue: new Guid("00000000-0000-0000-0000-000000000001"),
                columns: new[] { "DistanceUnit", "TimeZone", "WeightUnit" },
                values: new object[] { null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OwnerId_LocalDate",
                table: "Activities",
                columns: new[] { "OwnerId", "LocalDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_OwnerId_LocalDate",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "DistanceUnit",
                table: "Runners");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Runners");

            migrationBuilder.DropColumn(
                name: "WeightUnit",
                table: "Runners");

            migrationBuilder.DropColumn(
                name: "LocalDate",
                table: "Activities");
        }
    }
}
