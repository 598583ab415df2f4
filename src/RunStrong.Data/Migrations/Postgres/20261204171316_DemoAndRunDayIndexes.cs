using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DemoAndRunDayIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_OwnerId_LocalDate",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_Demo",
                table: "StrengthSessions",
                column: "OwnerId",
                filter: "\"IsDemo\"");

            migrationBuilder.CreateIndex(
                name: "IX_SorenessCheckIns_Demo",
                table: "SorenessCheckIns",
                column: "OwnerId",
                filter: "\"IsDemo\"");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Demo",
                table: "Plans",
                column: "OwnerId",
                filter: "\"IsDemo\"");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Demo",
                table: "Activities",
                column: "OwnerId",
                filter: "\"IsDemo\"");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OwnerId_LocalDate_Runs",
                table: "Activities",
                columns: new[] { "OwnerId", "LocalDate", "Sport", "Format", "DistanceMeters", "MovingSeconds", "ElapsedSeconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_Demo",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_SorenessCheckIns_Demo",
                table: "SorenessCheckIns");

            migrationBuilder.DropIndex(
                name: "IX_Plans_Demo",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Demo",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_OwnerId_LocalDate_Runs",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OwnerId_LocalDate",
                table: "Activities",
                columns: new[] { "OwnerId", "LocalDate" });
        }
    }
}
