using System.CommandLine;
using Retention.Cli.Commands;

var root = new RootCommand("""
    RetentionFunctions: customer-retention functions for online stores.
    Records purchases, refunds and cancellations; computes cohort retention; sends rewards and reminders.
    """)
{
    UpCommand.Create(),
    ImportCommand.Create(),
    NightlyCommand.Create(),
    ReportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
