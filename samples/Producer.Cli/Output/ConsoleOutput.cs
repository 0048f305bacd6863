using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen;
using Spectre.Console;

namespace Producer.Cli.Output;

/// <summary>Output for people: a live progress bar on a terminal, plain lines when the output is redirected; errors on stderr.</summary>
internal sealed class ConsoleOutput : IOutput
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
            : $"Not waiting. Resume with: wait {handle.Id}");
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

    public void Failed(Exception exception, int exitCode)
    {
        Console.Error.WriteLine($"error: {exception.Message}");
        var hint = exitCode switch
        {
            ExitCodes.Authentication => $"Check {ApiframeClientOptions.ApiKeyEnvironmentVariable}, or unset it to use the local emulator.",
            ExitCodes.Timeout when exception is JobTimeoutException timeout => $"The job may still finish: resume with 'wait {timeout.JobId}'.",
            _ => null,
        };
        if (hint is not null)
        {
            Console.Error.WriteLine(hint);
        }
    }

    private static string RelativePath(SavedTrack track) => Path.GetRelativePath(Environment.CurrentDirectory, track.Path);

    private static string Duration(SavedTrack track)
        => track.Track.Duration is { } seconds ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s") : "?";

    private static string Size(SavedTrack track) => string.Create(CultureInfo.InvariantCulture, $"{track.Bytes / 1024.0:0} KB");

    private static string Describe(string jobId, string status) => Markup.Escape($"Job {jobId[..Math.Min(8, jobId.Length)]} {status}");

    private static string Percent(int? progress) => progress is { } p ? p.ToString(CultureInfo.InvariantCulture) + "%" : string.Empty;
}
