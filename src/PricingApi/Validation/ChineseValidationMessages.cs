using FluentValidation;
using FluentValidation.Resources;

namespace PricingApi.Validation;

/// <summary>
/// FluentValidation's own messages in the Chinese a counter clerk reads, replacing its built-in zh-CN ones, which keep
/// the English quoting and words ('quantity' 必须大于 '0'。, 'customer' 不能为Null。). They are written the way the
/// service's own refusals are (“quantity”须为整数…): the field name as sent, in Chinese quotation marks. English
/// (Accept-Language: en) keeps the library's messages. The request's culture selects them, as it does every message.
/// </summary>
public static class ChineseValidationMessages
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["NotEmptyValidator"] = "“{PropertyName}”不能为空。",
        ["NotNullValidator"] = "必须填写“{PropertyName}”。",
        ["NullValidator"] = "不应填写“{PropertyName}”。",
        ["EmptyValidator"] = "“{PropertyName}”应为空。",
        ["GreaterThanValidator"] = "“{PropertyName}”须大于 {ComparisonValue}。",
        ["GreaterThanOrEqualValidator"] = "“{PropertyName}”不能小于 {ComparisonValue}。",
        ["LessThanValidator"] = "“{PropertyName}”须小于 {ComparisonValue}。",
        ["LessThanOrEqualValidator"] = "“{PropertyName}”不能大于 {ComparisonValue}。",
        ["InclusiveBetweenValidator"] = "“{PropertyName}”须在 {From} 至 {To} 之间；{PropertyValue} 不在此范围内。",
        ["ExclusiveBetweenValidator"] = "“{PropertyName}”须大于 {From} 且小于 {To}；{PropertyValue} 不在此范围内。",
        ["MaximumLengthValidator"] = "“{PropertyName}”最多 {MaxLength} 个字符，现有 {TotalLength} 个。",
        ["MinimumLengthValidator"] = "“{PropertyName}”至少 {MinLength} 个字符，现有 {TotalLength} 个。",
        ["LengthValidator"] = "“{PropertyName}”须为 {MinLength} 至 {MaxLength} 个字符，现有 {TotalLength} 个。",
        ["RegularExpressionValidator"] = "“{PropertyName}”的格式不正确。",
        ["EnumValidator"] = "“{PropertyName}”的取值不在允许范围内。",
        ["PredicateValidator"] = "“{PropertyName}”不符合要求。",
        ["EqualValidator"] = "“{PropertyName}”须等于 {ComparisonValue}。",
        ["NotEqualValidator"] = "“{PropertyName}”不能等于 {ComparisonValue}。",
    };

    /// <summary>Registers the messages for Chinese (zh-CN, the default, and zh, which other Chinese cultures fall back to).</summary>
    public static void Use()
    {
        if (ValidatorOptions.Global.LanguageManager is not LanguageManager manager)
        {
            return; // replaced by someone else's: theirs decides
        }

        foreach (var culture in new[] { "zh-CN", "zh" })
        {
            foreach (var (validator, message) in Messages)
            {
                manager.AddTranslation(culture, validator, message);
            }
        }
    }
}
