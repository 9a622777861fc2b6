using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PricingApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceAreaAndProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_QuoteNumberSequences",
                table: "QuoteNumberSequences");

            migrationBuilder.AddColumn<string>(
                name: "CustomerStreet",
                table: "Quotes",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderId",
                table: "Quotes",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProviderName",
                table: "Quotes",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Counters before providers were the group's quotes, numbered Q-…: that series continues them.
            migrationBuilder.AddColumn<string>(
                name: "Series",
                table: "QuoteNumberSequences",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Q");

            migrationBuilder.AddColumn<string>(
                name: "ProviderId",
                table: "CatalogItems",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_QuoteNumberSequences",
                table: "QuoteNumberSequences",
                columns: new[] { "Series", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_QuoteNumberSequences",
                table: "QuoteNumberSequences");

            migrationBuilder.DropColumn(
                name: "CustomerStreet",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "ProviderName",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "Series",
                table: "QuoteNumberSequences");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "CatalogItems");

            migrationBuilder.AddPrimaryKey(
                name: "PK_QuoteNumberSequences",
                table: "QuoteNumberSequences",
                column: "Year");
        }
    }
}
