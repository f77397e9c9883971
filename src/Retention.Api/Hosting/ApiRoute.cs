namespace Retention.Api.Hosting;

/// <summary>One HTTP route of the API, as both hosts serve it.</summary>
/// <param name="Name">The Azure Function's name.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Route">The route below <c>/api</c>, with Functions-style parameters (<c>orders/{orderId}/cancel</c>).</param>
/// <param name="RequiresKey">True for function-level authorization; false for anonymous (health only).</param>
public sealed record ApiRoute(string Name, string Method, string Route, bool RequiresKey);
