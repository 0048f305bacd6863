using System.Globalization;

namespace ProducerGen.Emulator;

/// <summary>The standalone host's command line: <c>--name value</c> or <c>--name=value</c> pairs turned into <see cref="EmulatorOptions"/>.</summary>
public static class EmulatorCommandLine
{
    /// <summary>The URL the standalone host listens on by default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The help text (<c>--help</c>).</summary>
    public const string HelpText = """
        ProducerGen emulator: a local stand-in for an async generation API described by a ProducerGen schema.

        Usage: producergen-emulator [options]
           or: dotnet run --project runtime/ProducerGen.Emulator.Tool -- [options]

        Options:
          --schema <path>               ProducerGen schema to serve, relative to the current directory
                                        (default: the shipped Apiframe music schema)
          --urls <url>                  where to listen (default: http://127.0.0.1:5080; port 0 picks a free port)
          --public-url <url>            base of the file URLs in results (default: the request's host)
          --time-scale <factor>         multiplies job durations; 0.05 makes a 45 s job take ~2 s (default: 1)
          --job-duration <duration>     replaces each model's averageCompletion, e.g. 10s, 1m30s, 500ms
          --jitter <fraction>           relative spread of job durations (default: 0.15)
          --api-key <key>[=<credits>]   an accepted key, optionally with a credit balance; repeatable.
                                        The first --api-key or --inactive-key replaces the default key afk_test.
          --inactive-key <key>          a key that answers 403; repeatable
          --accept-any-key <true|false> accept any key starting with afk_ (default: true)
          --credit-cost <n>             credits one job costs (default: 10)
          --webhook-attempts <n>        attempts per webhook event (default: 4)
          --webhook-retry-delay <d>     first webhook retry delay, doubling (default: 1s)
          --cors-origins <origins>      comma-separated origins browsers may call from; * for any, none to turn
                                        CORS off (default: *)

        Fault injection (rates are fractions 0..1; deterministic for a seed):
          --seed <n>                    seed of every fault decision (default: 1)
          --rate-limit <rate>[:<burst>] requests starting a burst of 429s (default burst: 1)
          --retry-after <duration>      Retry-After sent with a 429 (default: 1s)
          --server-errors <rate>        requests answered 500
          --unavailable <rate>          requests answered 503
          --drop-before-create <rate>   submissions whose connection drops before the job is created
          --drop-after-create <rate>    submissions whose connection drops after the job is created
          --latency <min>[-<max>]       added latency per request, e.g. 50ms-300ms
          --fail-jobs <rate>            jobs that end FAILED

          -h, --help                    show this help
        """;

    /// <summary>
    /// Runs the standalone host (the <c>producergen-emulator</c> tool): parses <paramref name="args"/>, starts the emulator
    /// and serves until Ctrl+C or SIGTERM.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 after a clean stop or <c>--help</c>, 1 when the emulator could not start, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var parsed = Parse(args);
        if (parsed.HelpRequested)
        {
            Console.Out.WriteLine(HelpText);
            return parsed.Errors.Count == 0 ? 0 : 2;
        }

        if (parsed.Options is not { } options)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine("Run with --help for the options.");
            return 2;
        }

        ApiEmulator emulator;
        try
        {
            emulator = await ApiEmulator.StartAsync(options).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            var keys = string.Join(", ", options.ApiKeys.Select(k => k.IsActive ? k.Key : k.Key + " (inactive)"));
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"ProducerGen emulator for {emulator.Schema.Api.Name} listening on {emulator.BaseAddress} ({emulator.Schema.Models.Count} models, time scale {options.TimeScale}, keys: {keys}{(options.AcceptAnyKey ? " and any afk_ key" : string.Empty)}). Ctrl+C stops it."));
            if (options.Faults.Any)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fault injection is on (seed {options.Faults.Seed})."));
            }

            await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Parses <paramref name="args"/>; a relative <c>--schema</c> is resolved against the process's current directory.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <returns>The options (null on errors or <c>--help</c>), the errors, and whether help was asked for.</returns>
    public static EmulatorCommandLineResult Parse(IReadOnlyList<string> args) => Parse(args, Environment.CurrentDirectory);

    /// <summary>Parses <paramref name="args"/>. Unknown options and malformed values are reported, never thrown.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <param name="currentDirectory">
    /// The directory a relative <c>--schema</c> is resolved against (the caller's), so the options carry an absolute
    /// path that no later change of directory or host content root reinterprets.
    /// </param>
    /// <returns>The options (null on errors or <c>--help</c>), the errors, and whether help was asked for.</returns>
    public static EmulatorCommandLineResult Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentException.ThrowIfNullOrEmpty(currentDirectory);
        var options = new EmulatorOptions { Url = DefaultUrl, AcceptAnyKey = true, LogToConsole = true, UseConsoleLifetime = true };
        var errors = new List<string>();
        var help = false;
        var keysReplaced = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"Unexpected argument '{arg}'.");
                continue;
            }

            string name;
            string? value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
                value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }

            if (value is null)
            {
                errors.Add($"Option '{name}' needs a value.");
                continue;
            }

            try
            {
                switch (name)
                {
                    case "--schema":
                        options.SchemaPath = Path.GetFullPath(value, Path.GetFullPath(currentDirectory));
                        break;
                    case "--urls":
                    case "--url":
                        options.Url = value;
                        break;
                    case "--public-url":
                        options.PublicBaseUrl = AbsoluteHttpUrl(value);
                        break;
                    case "--time-scale":
                        options.TimeScale = NonNegative(value);
                        break;
                    case "--job-duration":
                        options.JobDuration = Duration(value);
                        break;
                    case "--jitter":
                        options.DurationJitter = Fraction(value);
                        break;
                    case "--api-key":
                    case "--inactive-key":
                        if (!keysReplaced)
                        {
                            options.ApiKeys.Clear();
                            keysReplaced = true;
                        }

                        options.ApiKeys.Add(ApiKey(value, name == "--api-key"));
                        break;
                    case "--accept-any-key":
                        options.AcceptAnyKey = Boolean(value);
                        break;
                    case "--credit-cost":
                        options.CreditCost = (int)Whole(value, 0, int.MaxValue);
                        break;
                    case "--webhook-attempts":
                        options.WebhookMaxAttempts = (int)Whole(value, 1, 100);
                        break;
                    case "--webhook-retry-delay":
                        options.WebhookRetryDelay = Duration(value);
                        break;
                    case "--cors-origins":
                        options.CorsOrigins.Clear();
                        foreach (var origin in CorsOrigins(value))
                        {
                            options.CorsOrigins.Add(origin);
                        }

                        break;
                    case "--seed":
                        options.Faults.Seed = (int)Whole(value, int.MinValue, int.MaxValue);
                        break;
                    case "--rate-limit":
                        var colon = value.IndexOf(':', StringComparison.Ordinal);
                        options.Faults.RateLimitRate = Fraction(colon < 0 ? value : value[..colon]);
                        if (colon >= 0)
                        {
                            options.Faults.RateLimitBurst = (int)Whole(value[(colon + 1)..], 1, 1_000_000);
                        }

                        break;
                    case "--retry-after":
                        options.Faults.RetryAfter = Duration(value);
                        break;
                    case "--server-errors":
                        options.Faults.ServerErrorRate = Fraction(value);
                        break;
                    case "--unavailable":
                        options.Faults.UnavailableRate = Fraction(value);
                        break;
                    case "--drop-before-create":
                        options.Faults.DropBeforeCreateRate = Fraction(value);
                        break;
                    case "--drop-after-create":
                        options.Faults.DropAfterCreateRate = Fraction(value);
                        break;
                    case "--latency":
                        var dash = value.IndexOf('-', StringComparison.Ordinal);
                        var min = Duration(dash < 0 ? value : value[..dash]);
                        var max = dash < 0 ? min : Duration(value[(dash + 1)..]);
                        if (max < min)
                        {
                            throw new FormatException($"the maximum ({value[(dash + 1)..]}) is below the minimum");
                        }

                        options.Faults.MinLatency = min;
                        options.Faults.MaxLatency = max;
                        break;
                    case "--fail-jobs":
                        options.Faults.FailJobRate = Fraction(value);
                        break;
                    default:
                        errors.Add($"Unknown option '{name}'. Run with --help for the list.");
                        break;
                }
            }
            catch (FormatException ex)
            {
                errors.Add($"Invalid value '{value}' for {name}: {ex.Message}.");
            }
        }

        if (options.Faults.ServerErrorRate + options.Faults.UnavailableRate > 1)
        {
            errors.Add("--server-errors and --unavailable add up to more than 1.");
        }

        return new EmulatorCommandLineResult(errors.Count == 0 && !help ? options : null, errors, help);
    }

    /// <summary>
    /// Parses a duration: <c>45s</c>, <c>500ms</c>, <c>2m</c>, <c>1m30s</c>, <c>1h</c>, <c>1.5s</c>, or a plain number of seconds.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static TimeSpan Duration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plainSeconds))
        {
            return TimeSpan.FromSeconds(plainSeconds);
        }

        var total = TimeSpan.Zero;
        var position = 0;
        var any = false;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            if (unitStart == start || !double.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                throw new FormatException("expected a duration such as 45s, 500ms, 2m or 1m30s");
            }

            total += text[unitStart..position] switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                _ => throw new FormatException("expected a duration such as 45s, 500ms, 2m or 1m30s"),
            };
            any = true;
        }

        return any ? total : throw new FormatException("expected a duration such as 45s, 500ms, 2m or 1m30s");
    }

    private static EmulatorApiKey ApiKey(string value, bool active)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? value : value[..equals];
        if (key.Length == 0)
        {
            throw new FormatException("the key is empty");
        }

        long? credits = equals < 0 ? null : Whole(value[(equals + 1)..], 0, long.MaxValue);
        return new EmulatorApiKey(key, active, credits);
    }

    private static List<string> CorsOrigins(string value)
    {
        var origins = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (origins.Count == 1 && origins[0].Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (origins.Count == 0)
        {
            throw new FormatException("expected *, none or comma-separated origins such as http://localhost:3000");
        }

        foreach (var origin in origins)
        {
            if (origin != EmulatorOptions.AnyCorsOrigin &&
                !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.AbsolutePath == "/" && !origin.EndsWith('/')))
            {
                throw new FormatException($"'{origin}' is not an origin (scheme://host[:port], no path)");
            }
        }

        return origins;
    }

    private static Uri AbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException("expected an absolute http(s) URL");

    private static bool Boolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new FormatException("expected true or false"),
    };

    private static double NonNegative(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0 && !double.IsInfinity(d)
            ? d
            : throw new FormatException("expected a number of zero or more");

    private static double Fraction(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1
            ? d
            : throw new FormatException("expected a fraction between 0 and 1");

    private static long Whole(string value, long min, long max) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"expected a whole number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
}

/// <summary>The outcome of <see cref="EmulatorCommandLine.Parse(IReadOnlyList{string}, string)"/>.</summary>
/// <param name="Options">The options, or null when there were errors or help was asked for.</param>
/// <param name="Errors">What was wrong with the arguments.</param>
/// <param name="HelpRequested">True for <c>--help</c>.</param>
public sealed record EmulatorCommandLineResult(EmulatorOptions? Options, IReadOnlyList<string> Errors, bool HelpRequested);
