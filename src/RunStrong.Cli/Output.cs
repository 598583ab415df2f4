using System.Text.Json;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli;

/// <summary>What the CLI prints: JSON for machines (plain stdout, never wrapped), Spectre tables for people.</summary>
public static class Output
{
    public static void WriteJson<T>(T value)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(value, RunStrongJson.Indented));
    }

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Esc(string? text) => Markup.Escape(text ?? "");

    /// <summary>True when a person is watching (stdout is a terminal): progress bars and colour only then.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
