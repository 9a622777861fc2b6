using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PricingApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuoteToCharge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcceptanceIdempotencyKey",
                table: "Quotes",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "Quotes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedBy",
                table: "Quotes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedByKeyId",
                table: "Quotes",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "Quotes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "Quotes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Charges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuoteId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChargedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeListVersionAtCharge = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ChargedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChargedByKeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Charges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Charges_Quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "Quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChargeLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChargeId = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    QuotedUnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ListUnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    FeeListVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LineTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargeLines_Charges_ChargeId",
                        column: x => x.ChargeId,
                        principalTable: "Charges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChargeLines_ChargeId_LineNumber",
                table: "ChargeLines",
                columns: new[] { "ChargeId", "LineNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Charges_ChargedAt",
                table: "Charges",
                column: "ChargedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Charges_QuoteId",
                table: "Charges",
                column: "QuoteId",
                unique: true);

            // A charge is what the customer paid: like a published version, never changed or removed, whoever connects.
            foreach (var table in new[] { "Charges", "ChargeLines" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_NoUpdate\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_NoDelete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChargeLines");

            migrationBuilder.DropTable(
                name: "Charges");

            migrationBuilder.DropColumn(
                name: "AcceptanceIdempotencyKey",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "AcceptedBy",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "AcceptedByKeyId",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "Quotes");
        }
    }
}
