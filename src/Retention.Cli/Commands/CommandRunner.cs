using Microsoft.Extensions.Options;
using Retention.Application.Ports;
using Retention.DevServers;

namespace Retention.Cli.Commands;

/// <summary>Runs a command body and turns the errors a user can act on into one line on stderr and exit code 1.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is CliException or DevServerException or StorageUnavailableException)
        {
            return Fail(ex.Message);
        }
        catch (OptionsValidationException ex)
        {
            return Fail(string.Join(" ", ex.Failures));
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    /// <summary>One line on stderr, never wrapped, so scripts and people see the whole instruction.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}
