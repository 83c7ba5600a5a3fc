using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ActionKit.Typed.Generator.Naming;

namespace ActionKit.Typed.Generator.Model;

/// <summary>
/// Types one action on its own, as if it were the only one: the names it would take in an empty namespace. The
/// <see cref="CatalogPlanner"/> keeps them unless another action took one first, which is rare; then it types the
/// action again around the names already taken, exactly as one namespace-wide scope would have named it.
/// </summary>
internal static class ActionTyping
{
    /// <summary>Type names the catalog itself declares in the namespace.</summary>
    private static readonly HashSet<string> ReservedTypes = NameScope.Reserved("ActionKitCatalog", "ActionKitRunnerExtensions", "ActionKitJson");

    // An action's own type names matter only while it is typed; the scope is kept per thread and reset for the next
    // action instead of grown from empty for each one.
    [ThreadStatic]
    private static NameScope? t_ownTypes;

    public static NameScope NewTypeScope() => new(ReservedTypes);

    public static TypedAction Type(AnnotatedAction source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var action = source.Action;
        try
        {
            var rest = ActionNames.StripIntegrationPrefix(action.WireName, action.Integration);
            var member = Identifier.ToPascal(string.IsNullOrEmpty(rest) ? action.WireName : rest, "Action");
            var prefix = ActionNames.PrefixBefore(action.WireName, rest) is { } p ? Identifier.ToPascal(p, "Integration") : null;
            var ownTypes = (t_ownTypes ??= NewTypeScope()).Reset(ReservedTypes, null);
            var spec = ActionTypeBuilder.Build(ownTypes, string.Empty, action, source.Annotation);
            return new TypedAction(source, member, prefix, spec, TypeNames(spec.Types), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new TypedAction(source, string.Empty, null, null, EquatableArray<string>.Empty, ex.Message);
        }
    }

    private static EquatableArray<string> TypeNames(EquatableArray<TypeSpec> types)
    {
        var names = ImmutableArray.CreateBuilder<string>(types.Count);
        foreach (var type in types)
        {
            names.Add(type.Name);
        }

        return new EquatableArray<string>(names.MoveToImmutable());
    }
}
