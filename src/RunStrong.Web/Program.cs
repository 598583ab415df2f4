using RunStrong.Web;

var app = await RunStrongWebApp.CreateAsync(args);
await app.StartAsync();
RunStrongWebApp.PrintWelcome(app);
await app.WaitForShutdownAsync();
