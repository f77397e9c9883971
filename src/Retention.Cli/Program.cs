using System.CommandLine;
using Retention.Cli.Commands;

var root = new RootCommand("""
    RetentionFunctions: customer-retention functions for online stores.
    Records purchases, refunds and cancellations; computes cohort retention every night and emails the owner a report.
    """)
{
    UpCommand.Create(),
    ImportCommand.Create(),
    NightlyCommand.Create(),
    ReportCommand.Create(),
    ModelCommand.Create(),
    MessagesCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
