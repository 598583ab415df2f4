using RunStrong.Features.Common;
using RunStrong.Web;

WebApplication app;
try
{
    app = await RunStrongWebApp.CreateAsync(args);
}
catch (UserInputException e)
{
    // A setting the administrator got wrong (the database, the test clock in Production): one line, exit code 1.
    Console.Error.WriteLine($"runstrong: {e.Message}");
    return 1;
}

await app.StartAsync();
RunStrongWebApp.PrintWelcome(app);
await app.WaitForShutdownAsync();
return 0;
