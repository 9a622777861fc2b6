using Microsoft.AspNetCore.Http;
using PricingApi.Http;
using PricingApi.Caching;

namespace PricingApi.Tests.Http;

public class CachedContentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(16_097)] // the seeded list
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(3_528_637)] // a 10,000-item list, written in slices
    public async Task WritesEveryByteOnceWithItsLength(int length)
    {
        var body = new byte[length];
        new Random(length).NextBytes(body);
        var context = new DefaultHttpContext();
        using var sent = new MemoryStream();
        context.Response.Body = sent;

        await new CachedContent(body, "\"abc\"", CachedContent.Short(60)).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(length, context.Response.ContentLength);
        Assert.Equal(body, sent.ToArray());
    }

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"old\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abd\"", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void IfNoneMatchIsComparedWeakly(string ifNoneMatch, bool notModified) =>
        Assert.Equal(notModified, CachedContent.IsNotModified(ifNoneMatch, "\"abc\""));
}
