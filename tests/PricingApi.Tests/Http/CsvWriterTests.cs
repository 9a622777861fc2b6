using System.Text;
using PricingApi.Http;

namespace PricingApi.Tests.Http;

public class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("二次供水", "二次供水")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line 1\nline 2", "\"line 1\nline 2\"")]
    [InlineData("line 1\r\nline 2", "\"line 1\r\nline 2\"")]
    [InlineData("", "")]
    public void FieldsAreQuotedOnlyWhenTheyMustBeWithQuotesDoubled(string value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tx", "'\tx")]
    public void TextThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAnApostrophe(string value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(value));

    [Theory]
    [InlineData("-0.05")]
    [InlineData("-12")]
    [InlineData("+5")]
    [InlineData("954.00")]
    public void PlainNumbersStayNumbers(string value) => Assert.Equal(value, CsvWriter.Field(value));

    [Fact]
    public void AFileIsUtf8WithBomAndCrlfLineEnds()
    {
        var bytes = CsvWriter.ToUtf8WithBom([["code", "name"], ["EXT-1", "水箱清洗"], ["EXT-2", null]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("code,name\r\nEXT-1,水箱清洗\r\nEXT-2,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
