using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PricingApi.Data.Migrations.Postgres
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
                    Version = table.Column<int>(type: "integer", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Jws = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Version = table.Column<int>(type: "integer", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposerKeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CatalogDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: true)
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
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_NoChange\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "FeeListWithdrawals", "FeeListSignatures" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_NoChange\" ON \"{table}\";");
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
