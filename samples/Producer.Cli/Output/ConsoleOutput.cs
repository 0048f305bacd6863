using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen;
using Spectre.Console;

namespace Producer.Cli.Output;

/// <summary>Output for people: a live progress bar on a terminal, plain lines when the output is redirected; errors on stderr.</summary>
internal sealed class ConsoleOutput(string? baseUrl) : IOutput
{
    private static readonly bool Live = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    /// <summary>On stderr, so stdout stays the result alone (e.g. the job id of <c>--no-wait</c>, for scripts).</summary>
    public void Connected(string description) => Console.Error.WriteLine(description);

    public void Submitted(JobHandle handle) => AnsiConsole.MarkupLine($"Job [bold]{Markup.Escape(handle.Id)}[/] submitted ({Markup.Escape(handle.Status)}).");

    public void NotWaiting(JobHandle handle, bool inProcessEmulator)
    {
        Console.WriteLine(handle.Id);
        Console.Error.WriteLine(inProcessEmulator
            ? "Not waiting. Note: this job lives in the in-process emulator, which stopped with this command; set APIFRAME_API_KEY to resume jobs later."
            : $"Not waiting. Resume with: {Resume.Command(handle.Id, baseUrl)}");
    }

    public async Task<Job> ShowProgressAsync(string jobId, Func<IProgress<JobProgress>, Task<Job>> wait)
    {
        if (!Live)
        {
            JobProgress? last = null;
            return await wait(new ProgressCallback<JobProgress>(p =>
            {
                if (p != last)
                {
                    Console.WriteLine($"  {p.Status,-10} {Percent(p.Progress)}");
                    last = p;
                }
            })).ConfigureAwait(false);
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(jobId, "waiting"), autoStart: true, maxValue: 100);
                var job = await wait(new ProgressCallback<JobProgress>(p =>
                {
                    task.Description = Describe(jobId, p.Status);
                    task.Value = p.Progress ?? task.Value;
                })).ConfigureAwait(false);
                task.Description = Describe(jobId, job.Status);
                if (job.IsSucceeded)
                {
                    task.Value = 100;
                }

                task.StopTask();
                return job;
            }).ConfigureAwait(false);
    }

    public void Completed(ProducerResult result, IReadOnlyList<SavedTrack> saved)
    {
        var credits = result.Job.CreditCost is { } cost ? string.Create(CultureInfo.InvariantCulture, $", {cost} credits") : string.Empty;
        var summary = $"Saved {saved.Count} track(s) from job {result.Job.Id}{credits}.";
        if (!Live)
        {
            foreach (var track in saved)
            {
                Console.WriteLine($"  {RelativePath(track)}  {Duration(track)}  {Size(track)}");
            }

            Console.WriteLine(summary);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("File").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn(new TableColumn("Size").RightAligned());
        foreach (var track in saved)
        {
            table.AddRow(
                Markup.Escape(RelativePath(track)),
                Duration(track),
                Size(track));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[green]{Markup.Escape(summary)}[/]");
    }

    public void Invalid(IReadOnlyList<ValidationError> errors)
    {
        Console.Error.WriteLine("error: the request is invalid; nothing was sent:");
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"  {error.Path}: {error.Message}");
        }
    }

    public void Refused(string message) => Console.Error.WriteLine($"error: {message}");

    public void Uploaded(string option, string path, Upload upload, string field)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Uploaded {Path.GetFileName(path)} ({upload.ContentType}, {upload.ByteSize} bytes) for {field}: {upload.Url}"));

    public void JobCompleted(Job job)
    {
        var credits = job.CreditCost is { } cost ? string.Create(CultureInfo.InvariantCulture, $", {cost} credits") : string.Empty;
        foreach (var url in job.GetOutputUrls())
        {
            Console.WriteLine($"  {url}");
        }

        Console.WriteLine($"Job {job.Id} ({job.Model}) {job.Status}{credits}.");
    }

    public void Account(Account account)
    {
        var rows = new (string Name, string? Value)[]
        {
            ("Key prefix", account.ApiKey?.Prefix),
            ("Key name", account.ApiKey?.Name),
            ("Team", account.Team?.Name),
            ("Plan", account.Team?.Plan),
            ("Credits", account.Team?.Credits?.ToString("N0", CultureInfo.InvariantCulture)),
            ("User", account.User?.Email),
        };
        if (!Live)
        {
            foreach (var (name, value) in rows)
            {
                Console.WriteLine($"{name + ":",-12} {value ?? "-"}");
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("Name").AddColumn("Value");
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value ?? "-"));
        }

        AnsiConsole.Write(table);
    }

    public void Models(IReadOnlyList<CatalogModel> models)
    {
        var table = new Table().Border(Live ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Model").AddColumn("Modality").AddColumn("Label").AddColumn("Pricing").AddColumn(new TableColumn("Credits").RightAligned());
        foreach (var model in models)
        {
            table.AddRow(
                Markup.Escape(model.Id ?? "?"),
                Markup.Escape(model.Modality ?? string.Empty),
                Markup.Escape(model.Label ?? string.Empty),
                Markup.Escape(model.PricingMode ?? string.Empty),
                Cost(model.CostMin, model.CostMax));
        }

        Write(table);
        Console.WriteLine($"{models.Count} model(s).");
    }

    public void Jobs(IReadOnlyList<JobSummary> jobs)
    {
        if (jobs.Count == 0)
        {
            Console.WriteLine("No jobs.");
            return;
        }

        var table = new Table().Border(Live ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Job").AddColumn("Model").AddColumn("Status").AddColumn(new TableColumn("Credits").RightAligned()).AddColumn("Created");
        foreach (var job in jobs)
        {
            table.AddRow(
                Markup.Escape(job.Id ?? "?"),
                Markup.Escape(job.Model ?? string.Empty),
                Markup.Escape(job.Status ?? string.Empty),
                job.CreditCost?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Markup.Escape(job.CreatedAt ?? string.Empty));
        }

        Write(table);
        Console.WriteLine($"{jobs.Count} job(s), newest first.");
    }

    public void Failed(Exception exception, int exitCode)
    {
        Console.Error.WriteLine($"error: {Resume.Message(exception)}");
        var hint = exitCode == ExitCodes.Authentication
            ? $"Check {ApiframeClientOptions.ApiKeyEnvironmentVariable}, or unset it to use the local emulator."
            : Resume.Hint(exception, baseUrl);
        if (hint is not null)
        {
            Console.Error.WriteLine(hint);
        }
    }

    /// <summary>A table, as wide as it needs when the output is redirected (Spectre would wrap it at 80 columns).</summary>
    private static void Write(Table table)
    {
        if (Live)
        {
            AnsiConsole.Write(table);
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(Console.Out) });
        console.Profile.Width = 240;
        console.Write(table);
    }

    private static string Cost(double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) when a != b => string.Create(CultureInfo.InvariantCulture, $"{a:0.##}-{b:0.##}"),
        ({ } a, _) => a.ToString("0.##", CultureInfo.InvariantCulture),
        (_, { } b) => b.ToString("0.##", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static string RelativePath(SavedTrack track) => Path.GetRelativePath(Environment.CurrentDirectory, track.Path);

    private static string Duration(SavedTrack track)
        => track.Track.Duration is { } seconds ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s") : "?";

    private static string Size(SavedTrack track) => string.Create(CultureInfo.InvariantCulture, $"{track.Bytes / 1024.0:0} KB");

    private static string Describe(string jobId, string status) => Markup.Escape($"Job {jobId[..Math.Min(8, jobId.Length)]} {status}");

    private static string Percent(int? progress) => progress is { } p ? p.ToString(CultureInfo.InvariantCulture) + "%" : string.Empty;
}
