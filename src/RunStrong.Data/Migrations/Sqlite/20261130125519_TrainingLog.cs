using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Rpe",
                table: "Activities",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RunType",
                table: "Activities",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: true),
                    CalendarToken = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SorenessCheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SorenessCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SorenessCheckIns_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrengthSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlannedSessionKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SessionRpe = table.Column<double>(type: "REAL", nullable: true),
                    DurationMinutes = table.Column<double>(type: "REAL", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrengthSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrengthSessions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StrengthSessions_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoggedSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VariantSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reps = table.Column<int>(type: "INTEGER", nullable: false),
                    LoadValue = table.Column<double>(type: "REAL", nullable: true),
                    LoadUnit = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Band = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    Rpe = table.Column<double>(type: "REAL", nullable: true),
                    RepsInReserve = table.Column<int>(type: "INTEGER", nullable: true),
                    Pain = table.Column<bool>(type: "INTEGER", nullable: false),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoggedSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoggedSets_StrengthSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "StrengthSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoggedSets_OwnerId_ExerciseSlug",
                table: "LoggedSets",
                columns: new[] { "OwnerId", "ExerciseSlug" });

            migrationBuilder.CreateIndex(
                name: "IX_LoggedSets_SessionId",
                table: "LoggedSets",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_CalendarToken",
                table: "Plans",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OwnerId",
                table: "Plans",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SorenessCheckIns_OwnerId_Date",
                table: "SorenessCheckIns",
                columns: new[] { "OwnerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_OwnerId_Date",
                table: "StrengthSessions",
                columns: new[] { "OwnerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StrengthSessions_PlanId",
                table: "StrengthSessions",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoggedSets");

            migrationBuilder.DropTable(
                name: "SorenessCheckIns");

            migrationBuilder.DropTable(
                name: "StrengthSessions");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Rpe",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RunType",
                table: "Activities");
        }
    }
}
