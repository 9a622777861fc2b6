using PricingApi.FeeList;

namespace PricingApi.FeePage;

/// <summary>
/// Renders a <see cref="FeePageView"/> as one self-contained HTML document: Chinese first with English beside
/// (marked lang="en"), no scripts, no external assets. The parts (services, changes) live in their own files. What a
/// reader looks for first comes first: the version's status and facts, the contents, then what changed, then the lists.
/// </summary>
public static class FeePageRenderer
{
    public const string ContentType = "text/html; charset=utf-8";

    public static byte[] Render(FeePageView view)
    {
        var list = view.List;
        var html = new Html();
        var notes = new LegalBasisNotes();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <title>供水服务收费目录清单（第{list.Version}版） · Water-supply service fee list, version {list.Version}</title>
            <meta name="description" content="{list.Publisher}供水服务收费目录清单：基础服务免费，延伸服务明码标价。">
            <style>{new Markup(FeePageStyles.Css)}</style>
            <style>{new Markup(FeePageStyles.PrintFooter(list.Version, view.PageUrl))}</style>
            </head>
            <body>
            <a class="skip" href="#main">跳到正文 <span lang="en">Skip to the list</span></a>
            <header class="masthead"><div class="wrap">
            <p>{list.Publisher} {(view.PublisherEn is null ? Markup.Empty : Text.En(view.PublisherEn))}</p>
            <h1>供水服务收费目录清单 <span lang="en">Water-supply service fee list</span></h1>
            </div></header>
            <div class="wrap">
            {SampleBanner(list)}
            {FeePageNavigation.Status(view)}
            {Facts(list)}
            {FeePageNavigation.Versions(view)}
            {FeePageNavigation.Contents(view)}
            <main id="main">
            {FeePageChanges.Announced(view.Announced)}
            {FeePageChanges.OfThisVersion(view.Changes)}
            {FeePageServices.Basic(list.BasicServices, notes)}
            {FeePageArea.Of(list.ServiceArea)}
            {FeePageServices.Extended(list.ExtendedServices, notes)}
            {FeePageServices.LegalBases(notes)}
            </main>
            {Footer(list)}
            </div>
            </body>
            </html>

            """);
        return html.ToUtf8();
    }

    /// <summary>A list published from the sample seed says so, so that no one takes its prices for the utility's own.</summary>
    private static Markup SampleBanner(FeeListDocument list) => list.Sample != true
        ? Markup.Empty
        : Html.Fragment(h => h.Append($"""<p class="status scheduled sample" role="note"><strong>{FeeListLabels.SampleNotice.Zh}</strong> <span lang="en" class="sub">{FeeListLabels.SampleNotice.En}</span></p>"""));

    private static Markup Facts(FeeListDocument list)
    {
        var effective = FeeListLabels.Date(list.EffectiveFrom);
        var published = FeeListLabels.Date(list.PublishedAt);
        return Html.Fragment(h => h.Append($"""
            <dl class="facts">
            <div><dt>版本 <span lang="en">Version</span></dt><dd>第{list.Version}版 <span lang="en">Version {list.Version}</span></dd></div>
            <div><dt>执行日期 <span lang="en">Effective from</span></dt><dd>{effective.Zh} <span lang="en">{effective.En}</span></dd></div>
            <div><dt>公布日期 <span lang="en">Published</span></dt><dd>{published.Zh} <span lang="en">{published.En}</span></dd></div>
            <div><dt>服务电话 <span lang="en">Service phone</span></dt><dd><a href="tel:{list.ServicePhone}">{list.ServicePhone}</a></dd></div>
            <div><dt>价格举报电话 <span lang="en">Price complaints</span></dt><dd><a href="tel:{list.SupervisionPhone}">{list.SupervisionPhone}</a></dd></div>
            </dl>
            """));
    }

    private static Markup Footer(FeeListDocument list) => Html.Fragment(h => h.Append($"""
        <footer>
        <p>基础服务不向用户收取任何费用。延伸服务仅适用于用户产权（表后）供水设施，由用户自愿选择，按本目录明码标价收费；本目录以外不得收取任何费用。<span lang="en" class="sub">Basic services cost the customer nothing. Extended services cover only the customer's own equipment after the meter, are optional and are charged at the listed price; nothing that is not on this list may be charged.</span></p>
        <p>咨询请拨打服务电话 {list.ServicePhone}；价格举报请拨打 {list.SupervisionPhone}。<span lang="en" class="sub">Questions: call {list.ServicePhone}. Price complaints: call {list.SupervisionPhone}.</span></p>
        <p class="downloads">下载本版 <span lang="en">Download this version</span>：<a href="/api/fee-list.csv?version={list.Version}" download>CSV</a> · <a href="/api/fee-list.xlsx?version={list.Version}" download>Excel</a> · <a href="/api/fee-list/versions/{list.Version}">JSON</a></p>
        </footer>
        """));
}
