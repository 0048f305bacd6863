using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProducerGen.Benchmarks.Waiting;

/// <summary>Writes the waiting results as an SVG scatter chart: polls per job (x) against mean detection delay (y), one point per policy and progress case.</summary>
internal static class PollingChart
{
    private const double Width = 760, Height = 460, Left = 70, Right = 230, Top = 40, Bottom = 60;

    public static string Render(IReadOnlyList<WaitingSimulation.Row> rows)
    {
        var xMax = Math.Ceiling((rows.Max(r => r.MeanPolls) + 1) / 5) * 5;
        var yMax = Math.Ceiling((rows.Max(r => r.MeanDelay) + 0.25) * 2) / 2;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double v) => Left + (v / xMax * plotW);
        double Y(double v) => Top + plotH - (v / yMax * plotH);
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(Width)}\" height=\"{F(Height)}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Width / 2)}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Job waiting: GET requests per job vs mean detection delay ({rows[0].Jobs} simulated jobs, 20-120 s)</text>\n");

        // Target region: <= 5 polls and <= 1.5 s.
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(0))}\" y=\"{F(Y(Math.Min(1.5, yMax)))}\" width=\"{F(X(5) - X(0))}\" height=\"{F(Y(0) - Y(Math.Min(1.5, yMax)))}\" fill=\"#e6f4e6\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(0) + 4)}\" y=\"{F(Y(Math.Min(1.5, yMax)) + 14)}\" fill=\"#2e7d32\">target: &#8804; 5 polls, &#8804; 1.5 s</text>\n");

        for (var x = 0.0; x <= xMax + 1e-9; x += 5)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(x))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(x))}\" y2=\"{F(Y(yMax))}\" stroke=\"#ddd\"/><text x=\"{F(X(x))}\" y=\"{F(Y(0) + 16)}\" text-anchor=\"middle\">{F(x)}</text>\n");
        }

        for (var y = 0.0; y <= yMax + 1e-9; y += 0.5)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" y1=\"{F(Y(y))}\" x2=\"{F(X(xMax))}\" y2=\"{F(Y(y))}\" stroke=\"#ddd\"/><text x=\"{F(X(0) - 6)}\" y=\"{F(Y(y) + 4)}\" text-anchor=\"end\">{F(y)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(xMax))}\" y2=\"{F(Y(0))}\" stroke=\"black\"/><line x1=\"{F(X(0))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(0))}\" y2=\"{F(Y(yMax))}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left + (plotW / 2))}\" y=\"{F(Height - 18)}\" text-anchor=\"middle\">mean GET requests (polls) per job</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(20 {F(Top + (plotH / 2))}) rotate(-90)\" text-anchor=\"middle\">mean detection delay after completion (s)</text>\n");

        string[] colours = ["#1565c0", "#64b5f6", "#6a1b9a", "#ce93d8", "#d84315", "#f9a825", "#2e7d32", "#555"];
        var legendY = Top + 10;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var colour = colours[i % colours.Length];
            var label = r.Progress switch { true => $"{r.Policy} (progress)", false => $"{r.Policy} (no progress)", null => r.Policy };
            var shape = r.Progress == false
                ? $"<rect x=\"{F(X(r.MeanPolls) - 5)}\" y=\"{F(Y(r.MeanDelay) - 5)}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>"
                : $"<circle cx=\"{F(X(r.MeanPolls))}\" cy=\"{F(Y(r.MeanDelay))}\" r=\"6\" fill=\"{colour}\"/>";
            svg.Append(shape).Append('\n');
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(r.MeanPolls) + 8)}\" y=\"{F(Y(r.MeanDelay) - 8)}\" font-size=\"10\">{F(Math.Round(r.MeanPolls, 1))}, {F(Math.Round(r.MeanDelay, 2))} s</text>\n");
            var legendShape = r.Progress == false
                ? $"<rect x=\"{F(Width - Right + 15)}\" y=\"{F(legendY - 9)}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>"
                : $"<circle cx=\"{F(Width - Right + 20)}\" cy=\"{F(legendY - 4)}\" r=\"5\" fill=\"{colour}\"/>";
            svg.Append(legendShape);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Width - Right + 30)}\" y=\"{F(legendY)}\" font-size=\"11\">{Escape(label)}</text>\n");
            legendY += 20;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
