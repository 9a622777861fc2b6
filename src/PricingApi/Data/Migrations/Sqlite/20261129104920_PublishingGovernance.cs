using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PricingApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishingGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FeeListVersions_EffectiveFrom",
                table: "FeeListVersions");

            migrationBuilder.CreateTable(
                name: "FeeListSignatures",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Jws = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeListSignatures", x => x.Version);
                    table.ForeignKey(
                        name: "FK_FeeListSignatures_FeeListVersions_Version",
                        column: x => x.Version,
                        principalTable: "FeeListVersions",
                        principalColumn: "Version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeeListWithdrawals",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeListWithdrawals", x => x.Version);
                    table.ForeignKey(
                        name: "FK_FeeListWithdrawals_FeeListVersions_Version",
                        column: x => x.Version,
                        principalTable: "FeeListVersions",
                        principalColumn: "Version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicationProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposerKeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    CatalogDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationProposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeeListVersions_EffectiveFrom",
                table: "FeeListVersions",
                column: "EffectiveFrom");

            // Withdrawals and signatures are published facts, append-only like the versions they are about.
            foreach (var table in new[] { "FeeListWithdrawals", "FeeListSignatures" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_NoUpdate\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_NoDelete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "FeeListWithdrawals", "FeeListSignatures" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_NoUpdate\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_NoDelete\";");
            }

            migrationBuilder.DropTable(
                name: "FeeListSignatures");

            migrationBuilder.DropTable(
                name: "FeeListWithdrawals");

            migrationBuilder.DropTable(
                name: "PublicationProposals");

            migrationBuilder.DropIndex(
                name: "IX_FeeListVersions_EffectiveFrom",
                table: "FeeListVersions");

            migrationBuilder.CreateIndex(
                name: "IX_FeeListVersions_EffectiveFrom",
                table: "FeeListVersions",
                column: "EffectiveFrom",
                unique: true);
        }
    }
}
