using RunStrong.Cli;

return await CliApp.RunAsync(args);
