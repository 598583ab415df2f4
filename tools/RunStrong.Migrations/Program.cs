// Scaffolds an EF Core migration for both engines, as `dotnet ef migrations add` would (dotnet-ef is not in the
// registry this project builds from; docs/decisions/0003). Usage, from the repository root:
//   dotnet run --project tools/RunStrong.Migrations -- add NAME
// SQLite needs no server; PostgreSQL's model differencing needs none either (no connection is opened).
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.Data;

if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: RunStrong.Migrations add NAME");
    return 1;
}

var root = FindRoot();
var dataProject = Path.Combine(root, "src", "RunStrong.Data");
Scaffold(DataServices.CreateContext(new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=:memory:", "design")), "Sqlite");
Scaffold(DataServices.CreateContext(new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=design", "design")), "Postgres");
return 0;

void Scaffold(RunStrongDbContext context, string folder)
{
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(context);
    var providerAssembly = context.Database.ProviderName!;
    var designTimeType = providerAssembly switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Type.GetType("Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices, Microsoft.EntityFrameworkCore.Sqlite", true)!,
        _ => Type.GetType("Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices, Npgsql.EntityFrameworkCore.PostgreSQL", true)!,
    };
    ((IDesignTimeServices)Activator.CreateInstance(designTimeType)!).ConfigureDesignTimeServices(services);
    using var provider = services.BuildServiceProvider();
    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "RunStrong.Data", $"Migrations.{folder}", "C#");
    var files = scaffolder.Save(dataProject, migration, Path.Combine(dataProject, "Migrations", folder));
    Console.WriteLine($"{folder}: {files.MigrationFile}");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunStrong.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the RunStrong repository.");
}
