using System.Text;
using PricingApi.Http;

namespace PricingApi.Tests.Http;

public class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 871", "'+86 871")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData("-1.50", "-1.50")]
    [InlineData("954.00", "954.00")]
    [InlineData("0871-96106", "0871-96106")]
    public void FieldIsQuotedWhenNeededAndFormulasAreDisarmed(string value, string written) =>
        Assert.Equal(written, CsvWriter.Field(value));

    [Fact]
    public void WriteStartsWithBomAndEndsEveryRowWithCrLf()
    {
        var bytes = CsvWriter.Write(["code", "price"], [["A", "1.00"], ["B", null]]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("code,price\r\nA,1.00\r\nB,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void RowWithTheWrongNumberOfFieldsIsRefused() =>
        Assert.Throws<ArgumentException>(() => CsvWriter.Write(["a", "b"], [["only one"]]));
}
