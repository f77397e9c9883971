namespace Retention.Application.Ports;

/// <summary>Deletes everything stored for the store (Shopify <c>shop/redact</c>): every row of every table.</summary>
public interface IStoreEraser
{
    /// <summary>Returns how many rows were deleted.</summary>
    Task<long> EraseAllAsync(CancellationToken cancellationToken);
}
