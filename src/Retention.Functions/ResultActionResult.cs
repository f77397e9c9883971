using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Retention.Functions;

/// <summary>Lets a function return the shared handlers' <see cref="IResult"/> where the worker expects an <see cref="IActionResult"/>.</summary>
internal sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
