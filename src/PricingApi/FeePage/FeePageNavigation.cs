using PricingApi.FeeList;

namespace PricingApi.FeePage;

/// <summary>Where the shown version stands (in effect, announced, replaced) and the links to the versions either side of it.</summary>
public static class FeePageNavigation
{
    public static Markup Status(FeePageView view)
    {
        var html = new Html();
        var effective = FeeListLabels.Date(view.List.EffectiveFrom);
        switch (view.Status)
        {
            case VersionStatus.InEffect:
                html.Append($"""<p class="status in-effect"><strong>现行有效</strong> <span lang="en">In effect now</span></p>""");
                break;
            case VersionStatus.Scheduled:
                html.Append($"""<p class="status scheduled"><strong>已公布，自{effective.Zh}起执行</strong> <span lang="en">Announced: takes effect on {effective.En}.</span> <a href="/fees">查看现行目录 <span lang="en">See the list in effect</span></a></p>""");
                break;
            case VersionStatus.Withdrawn:
                // The downloads say the same (FeeListLabels is the one source of the words).
                var notice = FeeListLabels.WithdrawnNotice(view.Withdrawal?.WithdrawnAt ?? view.List.EffectiveFrom, view.Withdrawal?.WithdrawalReason ?? "");
                html.Append($"""<p class="status withdrawn"><strong>{notice.Zh}</strong> <span lang="en">{notice.En}</span> <a href="/fees">查看现行目录 <span lang="en">See the list in effect</span></a></p>""");
                break;
            default:
                // Superseded: a later version exists and has taken effect.
                var next = view.Next;
                var from = next is null ? default : FeeListLabels.Date(next.EffectiveFrom);
                var zh = next is null ? "已停止执行" : $"已停止执行：自{from.Zh}起由第{next.Version}版取代";
                var en = next is null ? "No longer in effect." : $"No longer in effect: replaced by version {next.Version} from {from.En}.";
                html.Append($"""<p class="status superseded"><strong>{zh}</strong> <span lang="en">{en}</span> <a href="/fees">查看现行目录 <span lang="en">See the list in effect</span></a></p>""");
                break;
        }

        return html.ToMarkup();
    }

    public static Markup Versions(FeePageView view)
    {
        if (view.Previous is null && view.Next is null)
        {
            return Markup.Empty;
        }

        var html = new Html();
        html.Append($"""<nav class="versions" aria-label="版本 Versions">""");
        if (view.Previous is { } previous)
        {
            html.Append($"""<a rel="prev" href="/fees/{previous.Version}">‹ 上一版：第{previous.Version}版 <span lang="en">Previous: version {previous.Version}</span></a>""");
        }

        if (view.Next is { } next)
        {
            html.Append($"""<a rel="next" href="/fees/{next.Version}">下一版：第{next.Version}版 › <span lang="en">Next: version {next.Version}</span></a>""");
        }

        return html.Append($"</nav>").ToMarkup();
    }

    /// <summary>
    /// The contents: a link to each part and to each category of extended services, so that on a phone (where the list
    /// is several screens of cards) a reader jumps to what they need. The links wrap, so nothing scrolls sideways.
    /// </summary>
    public static Markup Contents(FeePageView view)
    {
        var list = view.List;
        var html = new Html();
        html.Append($"""<nav class="contents" id="contents" aria-label="本页内容 On this page"><ul>""");
        if (view.Announced.Count > 0)
        {
            html.Append($"""<li><a href="#announced">调价公告 <span lang="en">Announced changes</span></a></li>""");
        }

        if (view.Changes?.PreviousVersion is not null)
        {
            html.Append($"""<li><a href="#changes">本版变更 <span lang="en">Changes in this version</span></a></li>""");
        }

        if (list.BasicServices.Count > 0)
        {
            html.Append($"""<li><a href="#basic">基础服务 <span lang="en">Basic services</span></a></li>""");
        }

        if (list.ServiceArea is not null)
        {
            html.Append($"""<li><a href="#area">服务区域 <span lang="en">Service area</span></a></li>""");
        }

        foreach (var category in Enum.GetValues<Pricing.ServiceCategory>().Where(c => list.ExtendedServices.Any(s => s.Category == c)))
        {
            var label = FeeListLabels.Category(category);
            html.Append($"""<li><a href="#cat-{FeeListLabels.Code(category)}">{label.Zh} <span lang="en">{label.En}</span></a></li>""");
        }

        return html.Append($"""<li><a href="#bases">收费依据 <span lang="en">Legal basis</span></a></li></ul></nav>""").ToMarkup();
    }
}
