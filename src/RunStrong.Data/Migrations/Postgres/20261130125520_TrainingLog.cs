using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RunStrong.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Rpe",
                table: "Activities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RunType",
                table: "Activities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProfileJson = table.Column<string>(type: "text", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Weeks = table.Column<int>(type: "integer", nullable: true),
                    CalendarToken = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Area = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    PlannedSessionKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SessionRpe = table.Column<double>(type: "double precision", nullable: true),
                    DurationMinutes = table.Column<double>(type: "double precision", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VariantSlug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reps = table.Column<int>(type: "integer", nullable: false),
                    LoadValue = table.Column<double>(type: "double precision", nullable: true),
                    LoadUnit = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Band = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Seconds = table.Column<int>(type: "integer", nullable: true),
                    Rpe = table.Column<double>(type: "double precision", nullable: true),
                    RepsInReserve = table.Column<int>(type: "integer", nullable: true),
                    Pain = table.Column<bool>(type: "boolean", nullable: false),
                    Completed = table.Column<bool>(type: "boolean", nullable: false)
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
