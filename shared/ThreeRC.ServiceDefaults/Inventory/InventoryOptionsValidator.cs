using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Loading;

namespace ThreeRC.ServiceDefaults.Inventory;

/// <summary>Loads the inventory when the host starts, so that an invalid file stops the service before it does anything.</summary>
internal sealed class InventoryOptionsValidator(InventoryProvider provider) : IValidateOptions<InventoryOptions>
{
    public ValidateOptionsResult Validate(string? name, InventoryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path)) return ValidateOptionsResult.Fail("Inventory:Path: required");
        try
        {
            _ = provider.Load(options.Path);
            return ValidateOptionsResult.Success;
        }
        catch (InventoryException e)
        {
            return ValidateOptionsResult.Fail(e.Errors.Select(error => error.ToString()));
        }
    }
}
