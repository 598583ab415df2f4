using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StrengthFromWatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MergeWithSessionId",
                table: "StrengthSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceActivityId",
                table: "StrengthSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GarminExercise",
                table: "LoggedSets",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GarminExerciseMappings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GarminExercise = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ExerciseSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VariantSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GarminExerciseMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GarminExerciseMappings_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions",
                column: "MergeWithSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_SourceActivityId",
                table: "StrengthSessions",
                column: "SourceActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GarminExerciseMappings_OwnerId_GarminExercise",
                table: "GarminExerciseMappings",
                columns: new[] { "OwnerId", "GarminExercise" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_StrengthSessions_Activities_SourceActivityId",
                table: "StrengthSessions",
                column: "SourceActivityId",
                principalTable: "Activities",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_StrengthSessions_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions",
                column: "MergeWithSessionId",
                principalTable: "StrengthSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StrengthSessions_Activities_SourceActivityId",
                table: "StrengthSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_StrengthSessions_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions");

            migrationBuilder.DropTable(
                name: "GarminExerciseMappings");

            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_MergeWithSessionId",
                table: "StrengthSessions");

            migrationBuilder.DropIndex(
                name: "IX_StrengthSessions_SourceActivityId",
                table: "StrengthSessions");

            migrationBuilder.DropColumn(
                name: "MergeWithSessionId",
                table: "StrengthSessions");

            migrationBuilder.DropColumn(
                name: "SourceActivityId",
                table: "StrengthSessions");

            migrationBuilder.DropColumn(
                name: "GarminExercise",
                table: "LoggedSets");
        }
    }
}
