using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrderAndPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_PlanId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_SourceActivityId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_PlanId",
                table: "SessionLogs");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions",
                column: "MergeWithSessionId",
                filter: "\"MergeWithSessionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_PlanId",
                table: "StrengthSessions",
                column: "PlanId",
                filter: "\"PlanId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_SourceActivityId",
                table: "StrengthSessions",
                column: "SourceActivityId",
                unique: true,
                filter: "\"SourceActivityId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PlanId",
                table: "SessionLogs",
                column: "PlanId",
                filter: "\"PlanId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OwnerId_LocalDate_StartTime_Id",
                table: "Activities",
                columns: new[] { "OwnerId", "LocalDate", "StartTime", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_PlanId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_SourceActivityId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_PlanId",
                table: "SessionLogs");

            migrationBuilder.DropIndex(
                name: "IX_Activities_OwnerId_LocalDate_StartTime_Id",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions",
                column: "MergeWithSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_PlanId",
                table: "StrengthSessions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_SourceActivityId",
                table: "StrengthSessions",
                column: "SourceActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PlanId",
                table: "SessionLogs",
                column: "PlanId");
        }
    }
}
