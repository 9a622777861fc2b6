using System.Globalization;
using System.Text.Json.Nodes;

namespace PricingApi.Tests.Contract;

/// <summary>
/// Every (operation, status) pair the document declares, and the pairs a session met through Prism (so validated by
/// it). A declared pair never met is a failure unless <see cref="NotProvokable"/> names it with the reason; an entry
/// there that is met after all, or is no longer declared, is a failure too, so the list cannot go stale.
/// </summary>
public sealed class ContractCoverage(JsonNode document, IReadOnlyDictionary<string, string>? notProvokable = null)
{
    /// <summary>
    /// Statuses a route really answers but that a scripted client cannot cause on demand. Keep this short: a status no
    /// request can ever cause is removed from the document instead.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotProvokable = new Dictionary<string, string>
    {
        // Prism reads a body that is not JSON as UTF-8 text and forwards that text, so a real workbook arrives corrupted;
        // the session sends it to the service directly and checks this status there (ContractSession.DirectAsync).
        ["POST /api/admin/services/import 200"] = "a binary body cannot pass through Prism; sent directly instead",
        // The import saves with optimistic concurrency: 409 only when another admin's write lands between its read and its save.
        ["POST /api/admin/services/import 409"] = "a race between two writers inside one request",
        // After three attempts at the year's counter row or the number, lost to other writers at the same moment.
        ["POST /api/quotes 409"] = "a race between concurrent writers, retried by the service first",
        // Publishers take turns (WriteGate on SQLite, an advisory lock on PostgreSQL): only another process writing the same
        // SQLite file can take the next version number first, three times over.
        ["POST /api/admin/fee-list/versions 409"] = "a race between concurrent publishers, retried by the service first",
    };

    private readonly HashSet<(string Operation, int Status)> _met = [];
    private readonly IReadOnlyDictionary<string, string> _notProvokable = notProvokable ?? NotProvokable;

    /// <summary>"GET /api/fee-list 304" for each declared response (numeric statuses; a "default" answer has none to provoke).</summary>
    public IReadOnlyList<(string Operation, int Status)> Declared { get; } =
        (from path in document["paths"]!.AsObject()
         from operation in path.Value!.AsObject()
         from response in operation.Value!["responses"]?.AsObject() ?? []
         where int.TryParse(response.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)
         select ($"{operation.Key.ToUpperInvariant()} {path.Key}", int.Parse(response.Key, CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>A response that came through Prism, which validated it against the document.</summary>
    public void Met(string operation, int status)
    {
        lock (_met)
        {
            _met.Add((operation, status));
        }
    }

    public bool WasMet(string operation, int status)
    {
        lock (_met)
        {
            return _met.Contains((operation, status));
        }
    }

    /// <summary>Per operation, the statuses met and the declared ones not met, for the test's output.</summary>
    public IEnumerable<string> Summary() =>
        from pair in Declared.Concat(_met).Distinct()
        group pair by pair.Operation into operation
        orderby operation.Key
        let met = operation.Where(p => WasMet(p.Operation, p.Status)).Select(p => p.Status).Order()
        let missed = operation.Where(p => !WasMet(p.Operation, p.Status)).Select(p => p.Status).Order()
        select $"{operation.Key}: met {string.Join(", ", met)}; declared, not met: {string.Join(", ", missed)}";

    /// <summary>What makes the session fail: declared pairs never met, and allow-list entries that are wrong.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (operation, status) in Declared.Where(p => !WasMet(p.Operation, p.Status)))
        {
            if (!_notProvokable.ContainsKey($"{operation} {status}"))
            {
                problems.Add($"{operation} declares {status}, which the session never provoked through Prism: provoke it, or remove it from the document if the route cannot answer it.");
            }
        }

        foreach (var entry in _notProvokable.Keys)
        {
            var (operation, status) = (entry[..entry.LastIndexOf(' ')], int.Parse(entry[(entry.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            if (!Declared.Contains((operation, status)))
            {
                problems.Add($"{entry} is on the NotProvokable list but no longer declared: take it off the list.");
            }
            else if (WasMet(operation, status))
            {
                problems.Add($"{entry} is on the NotProvokable list but the session met it through Prism: take it off the list.");
            }
        }

        return problems;
    }
}
