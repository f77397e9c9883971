namespace Retention.Application.Ports;

/// <summary>Answers whether storage can be reached right now, without reading customer data.</summary>
public interface IStorageProbe
{
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
