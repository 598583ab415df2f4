using System.Text;
using RunStrong.ActivityFiles;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Dispatch;

/// <summary>Small helpers shared by the reader tests.</summary>
internal static class TestFiles
{
    public static ActivityFileResult ReadText(string name, string xml) => ActivityFileReader.Read(name, Encoding.UTF8.GetBytes(xml));

    public static ActivityFileResult ReadFixture(string folder, string name) =>
        ActivityFileReader.Read(name, File.ReadAllBytes(Fixtures.Path(folder, name)));

    /// <summary>A fresh temp folder, deleted when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = Directory.CreateTempSubdirectory("runstrong-test-").FullName;
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp folder left behind is harmless
            }
        }
    }
}
