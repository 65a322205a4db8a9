using System.Text;

namespace Switchboard.Benchmarks.Reporting;

/// <summary>
/// Everything a run reports: the setup it ran on, one row per figure, and free-text notes
/// (e.g. a failed run's reason). Printed as aligned text and written as Markdown for bench/README.md.
/// </summary>
public sealed class ResultTable
{
    private readonly List<ResultRow> rows = [];
    private readonly List<(string Key, string Value)> setup = [];
    private readonly List<string> notes = [];

    public IReadOnlyList<ResultRow> Rows => rows;

    public void Add(ResultRow row)
    {
        lock (rows)
        {
            rows.Add(row);
        }

        Console.WriteLine($"  => {row.Case} | {row.Metric}: product {row.Product}, yardstick {row.Yardstick}, ratio {row.Ratio} (target {row.Target}) {Mark(row.Verdict)}");
    }

    public void Setup(string key, string value) => setup.Add((key, value));

    public void Note(string note)
    {
        notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Setting | Value |");
        text.AppendLine("|---|---|");
        foreach (var (key, value) in setup)
        {
            text.AppendLine($"| {key} | {Escape(value)} |");
        }

        text.AppendLine();
        text.AppendLine("| Benchmark | Case | Metric | Product | Yardstick | Product ÷ yardstick | Target | |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine($"| {row.Benchmark} | {Escape(row.Case)} | {Escape(row.Metric)} | {row.Product} | {row.Yardstick} | {row.Ratio} | {Escape(row.Target)} | {Mark(row.Verdict)} |");
        }

        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine($"- {note}");
            }
        }

        return text.ToString();
    }

    public string ToText()
    {
        var text = new StringBuilder();
        var keyWidth = setup.Count == 0 ? 0 : setup.Max(s => s.Key.Length);
        foreach (var (key, value) in setup)
        {
            text.AppendLine($"{key.PadRight(keyWidth)}  {value}");
        }

        text.AppendLine();
        string[] headers = ["Benchmark", "Case", "Metric", "Product", "Yardstick", "Ratio", "Target", ""];
        var cells = rows.Select(r => new[] { r.Benchmark, r.Case, r.Metric, r.Product, r.Yardstick, r.Ratio, r.Target, Mark(r.Verdict) }).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        text.AppendLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        foreach (var note in notes)
        {
            text.AppendLine("- " + note);
        }

        return text.ToString();
    }

    private static string Mark(Verdict verdict) => verdict switch
    {
        Verdict.Meets => "meets",
        Verdict.Misses => "MISSES",
        _ => "",
    };

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
