using ProducerGen.Emulator;

// producergen-emulator [options]: the library's command line, run until Ctrl+C or SIGTERM.
return await EmulatorCommandLine.RunAsync(args).ConfigureAwait(false);
