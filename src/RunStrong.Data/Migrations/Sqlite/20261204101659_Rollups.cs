using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunStrong.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthRollups",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BestDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BestDistanceMeters = table.Column<double>(type: "REAL", nullable: false),
                    BestSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Vdot = table.Column<double>(type: "REAL", nullable: false),
                    FiveKSeconds = table.Column<double>(type: "REAL", nullable: false),
                    TenKSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthRollups", x => new { x.OwnerId, x.Month });
                    table.ForeignKey(
                        name: "FK_MonthRollups_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RollupMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RollupMarks_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RollupStates",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupStates", x => x.OwnerId);
                    table.ForeignKey(
                        name: "FK_RollupStates_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeekRollups",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeekRollups", x => new { x.OwnerId, x.WeekStart });
                    table.ForeignKey(
                        name: "FK_WeekRollups_Runners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Runners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RollupMarks_OwnerId",
                table: "RollupMarks",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthRollups");

            migrationBuilder.DropTable(
                name: "RollupMarks");

            migrationBuilder.DropTable(
                name: "RollupStates");

            migrationBuilder.DropTable(
                name: "WeekRollups");
        }
    }
}
