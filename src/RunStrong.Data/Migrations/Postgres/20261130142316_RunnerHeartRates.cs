using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunnerHeartRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxHeartRate",
                table: "Runners",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RestingHeartRate",
                table: "Runners",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrimpWeighting",
                table: "Runners",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.UpdateData(
                table: "Runners",
                keyColumn: "Id",
                keyValue: new Guid("00000000-0000-0000-0000-000000000001"),
                columns: new[] { "MaxHeartRate", "RestingHeartRate", "TrimpWeighting" },
                values: new object[] { null, null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxHeartRate",
                table: "Runners");

            migrationBuilder.DropColumn(
                name: "RestingHeartRate",
                table: "Runners");

            migrationBuilder.DropColumn(
                name: "TrimpWeighting",
                table: "Runners");
        }
    }
}
