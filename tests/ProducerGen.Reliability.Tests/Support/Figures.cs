using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Support;

/// <summary>
/// The figures a reliability test measured: always printed to the test output, and written to
/// <c>tests/ProducerGen.Reliability.Tests/results/{name}.txt</c> when <c>PRODUCERGEN_WRITE_RESULTS=1</c>.
/// </summary>
internal sealed class Figures
{
    private readonly List<KeyValuePair<string, string>> _rows = [];

    public Figures(string name) => Name = name;

    public string Name { get; }

    public Figures Add(string figure, object? value)
    {
        _rows.Add(new(figure, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null"));
        return this;
    }

    public override string ToString()
    {
        var width = _rows.Count == 0 ? 0 : _rows.Max(r => r.Key.Length);
        var text = new StringBuilder().Append("# ").AppendLine(Name);
        foreach (var (figure, value) in _rows)
        {
            text.Append(figure.PadRight(width)).Append(" : ").AppendLine(value);
        }

        return text.ToString();
    }

    public void Report(ITestOutputHelper output)
    {
        var text = ToString();
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("PRODUCERGEN_WRITE_RESULTS") != "1")
        {
            return;
        }

        var directory = typeof(Figures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ResultsDirectory").Value!;
        Directory.CreateDirectory(directory);
        var stamped = text + $"recorded : {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z on {Environment.ProcessorCount} cores, {Environment.OSVersion}{Environment.NewLine}";
        File.WriteAllText(Path.Combine(directory, Name + ".txt"), stamped);
    }
}
