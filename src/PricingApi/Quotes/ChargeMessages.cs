using System.Globalization;

namespace PricingApi.Quotes;

/// <summary>
/// Every refusal of acceptance, completion and cancellation after acceptance, in the words a counter clerk uses:
/// Chinese first (what is sent today), English beside it for when problems are localised by Accept-Language.
/// </summary>
public static class ChargeMessages
{
    public sealed record Text(string Zh, string En);

    public static readonly Text AcceptRefused = new("报价单无法确认。", "The quote cannot be accepted.");
    public static readonly Text CompleteRefused = new("无法完工收费。", "The work cannot be completed and charged.");
    public static readonly Text CancelRefused = new("报价单无法作废。", "The quote cannot be cancelled.");

    public static Text Expired(string number, string validUntil) => new(
        $"报价单 {number} 已于 {validUntil} 过期，不能再确认或完工收费；请重新开具报价单。",
        $"Quote {number} expired at {validUntil}; it can no longer be accepted or completed. Issue a new quote.");

    public static Text Cancelled(string number, string cancelledAt) => new(
        $"报价单 {number} 已于 {cancelledAt} 作废，不能再确认或完工收费。",
        $"Quote {number} was cancelled at {cancelledAt}; it can no longer be accepted or completed.");

    public static Text AlreadyAccepted(string number, string acceptedAt) => new(
        $"报价单 {number} 已于 {acceptedAt} 由客户确认，无需再次确认。",
        $"Quote {number} was already accepted at {acceptedAt}.");

    public static Text AlreadyCompleted(string number, string completedAt) => new(
        $"报价单 {number} 已于 {completedAt} 完工收费，收费记录不能更改。",
        $"Quote {number} was already completed and charged at {completedAt}; a charge is never changed.");

    public static Text NotAccepted(string number) => new(
        $"报价单 {number} 尚未经客户确认，请先确认报价单再完工收费。",
        $"Quote {number} has not been accepted by the customer; accept it before completing the work.");

    public static Text CompletedCannotBeCancelled(string number, string completedAt) => new(
        $"报价单 {number} 已于 {completedAt} 完工收费，不能作废。",
        $"Quote {number} was completed and charged at {completedAt}; a completed quote cannot be cancelled.");

    public static Text KeyReused(string number) => new(
        $"此 Idempotency-Key 已用于报价单 {number} 的另一份请求；新的请求请使用新的 Idempotency-Key。",
        $"This Idempotency-Key was already used for quote {number} with a different request. Use a new key for a new request.");

    public static Text Busy(string number) => new(
        $"报价单 {number} 正在被同时处理，请刷新后重试。",
        $"Quote {number} was being changed at the same moment; read it again and retry.");

    public static Text NotOnQuote(int line, string code) => new(
        $"第 {N(line)} 行：{code} 不在报价单上，只能对报价单上的服务项目收费。",
        $"Line {N(line)}: '{code}' is not on the quote; only services on the quote can be charged.");

    public static Text Repeated(int line, string code) => new(
        $"第 {N(line)} 行：{code} 重复填写，每个服务项目只填一行。",
        $"Line {N(line)}: '{code}' appears more than once; give each service one line.");

    public static Text WholeUnits(int line, string code, string unit, decimal quantity) => new(
        $"第 {N(line)} 行：{code} 按{unit}计价，数量须为整数，{Show(quantity)} 不是整数。",
        $"Line {N(line)}: '{code}' is priced per {unit} and charged in whole units; {Show(quantity)} is not a whole number.");

    public static Text MoreThanQuoted(int line, string code, string unit, decimal quantity, decimal quoted) => new(
        $"第 {N(line)} 行：{code} 完工数量 {Show(quantity)}{unit} 超过报价数量 {Show(quoted)}{unit}；按次或按件计价的服务不能多于报价。",
        $"Line {N(line)}: '{code}' done {Show(quantity)} {unit} is more than the {Show(quoted)} quoted; a counted service cannot exceed the quote.");

    public static Text BeyondTolerance(int line, string code, string unit, decimal quantity, decimal highest, int percent) => new(
        $"第 {N(line)} 行：{code} 完工数量 {Show(quantity)}{unit} 超过报价数量的 {N(percent)}% 容差，最多 {Show(highest)}{unit}；超出部分请重新报价。",
        $"Line {N(line)}: '{code}' done {Show(quantity)} {unit} is beyond the {N(percent)}% tolerance over the quote (at most {Show(highest)}); quote the rest anew.");

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(decimal quantity) => QuoteRules.Normalize(quantity).ToString(CultureInfo.InvariantCulture);
}
