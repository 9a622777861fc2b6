using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PricingApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalRejection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RejectedAt",
                table: "PublicationProposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectedBy",
                table: "PublicationProposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "PublicationProposals",
                type: "character varying(500)",
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
