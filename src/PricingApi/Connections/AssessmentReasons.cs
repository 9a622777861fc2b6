using static PricingApi.Connections.ConnectionTerms;

namespace PricingApi.Connections;

/// <summary>The sentences a clerk reads to the customer, in Chinese first with English beside: each rule applied, with its numbers.</summary>
public static class AssessmentReasons
{
    public static readonly Bilingual ApplicationFree = new(
        "供水报装受理不收取任何费用，申请费为 0 元。",
        "Applying for a connection is free: the application fee is 0 yuan.");

    public static readonly Bilingual ElevenThousand = new(
        "适用“11000”工作模式：1 个环节（接入通水）、1 个工作日完成装表通水、0 材料、0 费用（用户 0 投资）、0 跑腿。",
        "The \"11000\" model applies: 1 step (connection and turn-on), 1 working day to install the meter and turn on the water, 0 documents, 0 cost (no investment by the customer), 0 visits.");

    public static IEnumerable<Bilingual> FreeConnection(int dn, decimal length, FreeConnectionOutcome outcome, FreeConnectionOptions limits)
    {
        if (outcome.Free)
        {
            yield return new(
                $"接水装表口径 DN{dn} 在 DN{limits.MaxMeterDiameterMm} 及以下，外线管道长度 {Number(length)} 米在 {Number(limits.MaxExternalPipeLengthM)} 米以内（从公共供水管道接口量至结算水表后一米，含水表），属于小型项目免费接入：外线工程及路面修复、绿化树木移栽等费用不由用户承担，用户 0 费用。",
                $"The meter is DN{dn} (DN{limits.MaxMeterDiameterMm} or smaller) and the external pipe is {Number(length)} m (within {Number(limits.MaxExternalPipeLengthM)} m, measured from the public main to 1 m after the meter, meter included): a small project connected free of charge. The customer pays nothing for the external pipe, road repair or tree relocation.");
            yield break;
        }

        foreach (var bound in outcome.Exceeded)
        {
            yield return bound.Bound == ConnectionBound.MeterDiameter
                ? new($"接水装表口径 DN{dn} 大于免费接入上限 DN{Number(bound.Limit)}（大 {Number(bound.Excess)} 毫米）。",
                    $"The meter is DN{dn}, above the free-connection limit of DN{Number(bound.Limit)} (by {Number(bound.Excess)} mm).")
                : new($"外线管道长度 {Number(length)} 米超过免费接入上限 {Number(bound.Limit)} 米（超出 {Number(bound.Excess)} 米）。",
                    $"The external pipe is {Number(length)} m, longer than the free-connection limit of {Number(bound.Limit)} m (by {Number(bound.Excess)} m).");
        }

        yield return new(
            "因此不属于小型项目免费接入范围：接入费用按现行服务标准逐项目核定，不按延伸服务收费目录收取。",
            "So the connection is outside the free small-project guarantee: its cost is assessed per project under the current service standard, never charged from the extended-services fee list.");
    }

    public static Bilingual Meter(HousingDevelopment? development) => development is { } d
        ? new($"水表位于{Name(d).Zh}建筑区划红线内，其购置及安装费用纳入房屋开发建设成本，由开发建设单位承担。",
            $"The meter is inside the red line of the {Name(d).En} development: buying and installing it is part of the development's construction cost, paid by the developer.")
        : new("贸易结算水表的购置及安装费用由供水企业承担，用户无需支付。",
            "The utility buys and installs the trade-settlement meter; the customer pays nothing for it.");

    public static Bilingual TimeLimit(ProjectCategory category, bool hasExternalPipeWorks, bool dataOnGovernmentPlatform, TimeLimit? limit)
    {
        var name = Name(category);
        if (limit is null)
        {
            return new($"{name.Zh}的办理环节及时限按现行服务标准执行。",
                $"{name.En}: stages and time limits follow the current service standard.");
        }

        var when = dataOnGovernmentPlatform
            ? new Bilingual("项目信息已可从政府工程建设项目平台提前获取", "With the project's data already on the government construction-project platform")
            : new Bilingual("项目信息尚不能从政府工程建设项目平台提前获取", "Before the project's data is on the government construction-project platform");
        var pipe = hasExternalPipeWorks ? new Bilingual("有外线工程", "with external pipe works") : new Bilingual("无外线工程", "without external pipe works");
        var stagesZh = string.Join("、", limit.Stages.Select(s => $"{Name(s.Stage).Zh} {s.WorkingDays} 个工作日"));
        var stagesEn = string.Join(", ", limit.Stages.Select(s => $"{Name(s.Stage).En.ToLowerInvariant()} {Days(s.WorkingDays)}"));
        return new($"{when.Zh}，{name.Zh}（{pipe.Zh}）的办理环节及时限：{stagesZh}，合计不超过 {limit.TotalWorkingDays} 个工作日。",
            $"{when.En}, {name.En.ToLowerInvariant()} ({pipe.En}): {stagesEn}; at most {Days(limit.TotalWorkingDays)} in all.");
    }

    private static string Days(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
