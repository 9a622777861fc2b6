namespace PricingApi.Publishing;

/// <summary>
/// The refusals publishing gives, Chinese first with the English beside it, together so they can move into the
/// localization resources. Responses send <see cref="Text.En"/> until problems are localized.
/// </summary>
public static class PublishingMessages
{
    public readonly record struct Text(string Zh, string En)
    {
        public override string ToString() => En;
    }

    public static Text TooFarAhead(string effectiveFrom, int days, string latest) => new(
        $"生效时间 {effectiveFrom} 超出允许的最长预告期（{days} 天，最晚 {latest}）：请检查年份是否输入有误。",
        $"effectiveFrom {effectiveFrom} lies more than {days} days ahead (Publishing:MaxScheduleDays; the latest allowed is {latest}). Check the year for a typo.");

    public static Text NothingChanged(int version) => new(
        $"工作目录与第 {version} 版完全相同：没有可发布的变更。",
        $"Nothing changed: the working catalog is the same as version {version}, the latest version not withdrawn. There is nothing to publish.");

    public static readonly Text CannotPublishTitle = new("收费目录无法发布。", "The fee list cannot be published.");

    public static Text UnknownVersion(int version) => new($"第 {version} 版收费目录从未发布。", $"No fee-list version {version} has been published.");

    public static Text AlreadyInEffect(int version, string effectiveFrom) => new(
        $"第 {version} 版已于 {effectiveFrom} 生效，不能撤回：请发布新版本更正。",
        $"Version {version} took effect at {effectiveFrom} and can no longer be withdrawn; publish a new version to correct it.");

    public static Text AlreadyWithdrawn(int version) => new($"第 {version} 版已撤回。", $"Version {version} has already been withdrawn.");

    public static Text UnknownProposal(long id) => new($"发布申请 {id} 不存在。", $"No publication proposal {id} exists.");

    public static readonly Text SelfApproval = new(
        "发布须经另一名价格管理员批准：申请人不能批准自己的申请。",
        "Publishing needs a second pricing admin: the key that proposed it cannot approve it.");

    public static Text ProposalDecided(long id, int? version) => new(
        version is { } v ? $"发布申请 {id} 已获批准，发布为第 {v} 版。" : $"发布申请 {id} 已失效。",
        version is { } w ? $"Proposal {id} was already approved and published as version {w}." : $"Proposal {id} is no longer open.");

    public static Text CatalogChangedSinceProposal(long id) => new(
        $"发布申请 {id} 提出后工作目录已被修改，申请失效：请重新提出发布申请。",
        $"The working catalog changed after proposal {id} was made, so approving it would publish something its proposer never saw. Propose again.");
}
