using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PricingApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalRejection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RejectedAt",
                table: "PublicationProposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectedBy",
                table: "PublicationProposals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "PublicationProposals",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RejectedAt",
                table: "PublicationProposals");

            migrationBuilder.DropColumn(
                name: "RejectedBy",
                table: "PublicationProposals");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "PublicationProposals");
        }
    }
}
