using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Model;

namespace ThreeRC.ServiceDefaults.Inventory;

/// <summary>Registers the inventory named by <c>Inventory:Path</c>.</summary>
public static class InventoryExtensions
{
    /// <summary>Adds <see cref="ClusterInventory"/> as a singleton, loaded and validated when the host starts.</summary>
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InventoryOptions>, InventoryOptionsValidator>();
        services.AddSingleton<InventoryProvider>();
        services.AddSingleton(provider => provider.GetRequiredService<InventoryProvider>()
            .Load(provider.GetRequiredService<IOptions<InventoryOptions>>().Value.Path));
        return services;
    }
}
