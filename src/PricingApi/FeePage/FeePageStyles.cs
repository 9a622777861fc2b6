using System.Text;
using PricingApi.Http;
using PricingApi.Security;

namespace PricingApi.FeePage;

/// <summary>
/// The page's only stylesheet, inline so the page works offline inside the utility's network (no CDN, no fonts
/// fetched). Tables at desktop width; each row becomes a card below 48rem so nothing overflows a 375 px phone;
/// A4 print rules. Colours keep at least 4.5:1 contrast against their backgrounds.
/// </summary>
public static class FeePageStyles
{
    /// <summary>
    /// The page's Content-Security-Policy: nothing may load or run except this stylesheet and the page's print footer (by their hashes), so
    /// the page stays self-contained and text that slipped past encoding still could not run a script.
    /// </summary>
    public static string ContentSecurityPolicy(string printFooter) =>
        SecurityHeaders.PagePolicy($"{CssHash} {SecurityHeaders.StyleHash(printFooter)}");

    // Before BasePolicy: static fields are initialised in the order they are written.
    private static readonly string CssHash = SecurityHeaders.StyleHash(Css);

    /// <summary>What the endpoints declare, for the answers that are not a page (a 404): the stylesheet alone.</summary>
    public static readonly string BasePolicy = SecurityHeaders.PagePolicy(CssHash);

    /// <summary>
    /// The footer of every printed sheet: the list, its version and where to find it on the left, the page number on
    /// the right. CSS page-margin boxes are the only footer a browser repeats on each sheet, and their text can only
    /// come from a stylesheet, so each version's page carries this one small rule of its own (allowed by its hash).
    /// </summary>
    public static string PrintFooter(int version, string url) =>
        "@page{@bottom-left{content:\"" + CssString($"供水服务收费目录清单 第{version}版 Version {version} · {url}")
        + "\";font-size:7.5pt;color:#000}@bottom-right{content:\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页 Page \" counter(page) \" of \" counter(pages);font-size:7.5pt;color:#000}}";

    /// <summary>Text inside a CSS string: anything but letters, digits and plain punctuation as a hex escape, so no value can end the string or the style element.</summary>
    private static string CssString(string text)
    {
        var css = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c))
            {
                css.Append('\\').Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                css.Append(c);
            }
        }

        return css.ToString();
    }

    public const string Css = """
        :root{--ink:#1a1a1a;--muted:#4b5563;--line:#c4cdd8;--brand:#0b4f8a;--free:#14532d;--free-bg:#dcf1e2;--notice:#fff6dc;--notice-line:#8a4b00;--zebra:#f4f7fa}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;line-height:1.6;color:var(--ink);background:#fff;overflow-wrap:break-word}
        .wrap{max-width:75rem;margin:0 auto;padding:0 1rem}
        .skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;z-index:1;background:#fff;color:var(--brand);padding:.5rem 1rem}
        .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        a{color:var(--brand)}a:focus-visible{outline:3px solid #b45309;outline-offset:2px}
        .masthead{background:var(--brand);color:#fff;padding:1.25rem 0}
        .masthead p{margin:0}.masthead h1{margin:.25rem 0 0;font-size:1.75rem;line-height:1.3}
        h1 [lang=en],h2 [lang=en],h3 [lang=en],dt [lang=en],thead [lang=en]{font-weight:400;font-size:.8em}
        .name [lang=en],.unit [lang=en],dd [lang=en],.sub{display:block;color:var(--muted);font-size:.875rem;font-weight:400}
        .code{display:block;font:400 .75rem/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);overflow-wrap:anywhere}
        .status{margin:1rem 0;padding:.6rem .9rem;border-left:4px solid var(--brand);background:#e9f1f9}
        .status.scheduled,.status.superseded{border-color:var(--notice-line);background:var(--notice)}
        .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.25rem 1.5rem;margin:1rem 0}
        .facts div{border-bottom:1px solid var(--line);padding:.3rem 0}
        .facts dt{font-size:.85rem;color:var(--muted)}.facts dd{margin:0;font-weight:600}
        .versions{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;margin:1rem 0}
        h2{font-size:1.4rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid var(--brand)}
        h3{font-size:1.15rem;margin:1.5rem 0 .5rem}h4{margin:1rem 0 .25rem}
        .lead{margin:.25rem 0 1rem}
        .free{display:inline-block;padding:0 .6rem;border-radius:1rem;background:var(--free-bg);color:var(--free);font-weight:700;white-space:nowrap}
        table{width:100%;border-collapse:collapse;font-size:.95rem}
        th,td{border:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
        thead th{background:#e3ecf6;font-size:.85rem;line-height:1.35}
        tbody tr:nth-child(even){background:var(--zebra)}
        .num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
        .price{font-weight:700;font-size:1.05rem}
        .pricing-form{white-space:normal;font-size:.8rem}
        .notice{background:var(--notice);border:1px solid var(--notice-line);border-radius:6px;padding:.25rem 1rem 1rem;margin:1.5rem 0}
        .notice h2{border-color:var(--notice-line)}.notice table{background:#fff}
        .bases{padding-left:1.75rem;font-size:.9rem}
        footer{margin:2rem 0;padding-top:1rem;border-top:1px solid var(--line);font-size:.9rem}
        .contents ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:1rem 0;padding:0}
        .contents a{display:inline-block;padding:.4rem .75rem;border:1px solid var(--brand);border-radius:1.25rem;text-decoration:none;line-height:1.3}
        .contents [lang=en]{font-size:.8em}
        h2,h3{scroll-margin-top:.5rem}
        .to-contents{margin:.25rem 0 1rem;font-size:.875rem}
        @media screen and (max-width:47.99rem){
        .masthead h1{font-size:1.35rem}
        .list,.list tbody,.list th,.list td{display:block;width:auto}
        .list thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .list tr{display:grid;grid-template-columns:1fr 1fr;gap:.1rem 1rem;border:1px solid var(--line);border-radius:6px;margin:0 0 .75rem;padding:.5rem .75rem}
        .list th,.list td{border:0;padding:.2rem 0;min-width:0}
        .list .name,.list .wide{grid-column:1/-1}
        .list .unit [lang=en]{display:inline}
        .list td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:400;color:var(--muted);white-space:normal}
        .num{text-align:left}
        }
        @page{size:A4;margin:14mm 12mm 16mm}
        @media print{
        html{font-size:9pt}body{line-height:1.4;color:#000}
        .wrap{max-width:none;padding:0}
        .skip,.versions,.downloads,.contents,.to-contents{display:none}
        .masthead{background:none;color:#000;padding:0 0 3mm;border-bottom:1.5pt solid #000}
        a{color:#000;text-decoration:none}
        th,td{border-color:#666;padding:1mm 1.5mm}
        thead{display:table-header-group}
        tr,.facts div,.notice article{break-inside:avoid}
        h2,h3,h4{break-after:avoid}
        tbody tr:nth-child(even),thead th,.status,.notice{background:none}
        .notice{border-color:#000}
        }
        """;
}
