using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ActionKit.Typed.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports; each points into the schema or annotation file.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ActionKit";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "AKT0001", "Schema file is not valid JSON", "'{0}' is not valid JSON: {1}");

    public static readonly DiagnosticDescriptor EmptyOrBinaryFile = Error(
        "AKT0002", "Schema file is empty or binary", "'{0}' is {1}; an ActionKit schema file is JSON text");

    public static readonly DiagnosticDescriptor UnrecognizedEnvelope = Error(
        "AKT0003", "Schema file has an unrecognized shape",
        "'{0}' is not a List Actions response, a tool object or an array of tools: {1}");

    public static readonly DiagnosticDescriptor InvalidActionName = Error(
        "AKT0004", "Action name is missing or invalid", "A tool has a missing or invalid name{0}; it is skipped");

    public static readonly DiagnosticDescriptor InvalidParameters = Error(
        "AKT0005", "Action parameters are not an object schema", "'parameters' of {0} must be a JSON object schema, but is {1}; the action is skipped");

    public static readonly DiagnosticDescriptor InvalidRequired = Error(
        "AKT0006", "'required' is not a list of property names", "'required' in {0} must be an array of strings, but is {1}; it is ignored");

    public static readonly DiagnosticDescriptor UnresolvableReference = Error(
        "AKT0007", "Schema reference cannot be resolved", "'$ref' '{0}' in {1} does not point to a local definition; the value is generated as JsonElement");

    public static readonly DiagnosticDescriptor DuplicateAction = Error(
        "AKT0008", "Action is defined more than once", "{0} is already defined in '{1}'; this definition is ignored");

    public static readonly DiagnosticDescriptor InvalidAnnotation = Error(
        "AKT0009", "Annotation is invalid", "Annotation for {0} is invalid: {1}");

    public static readonly DiagnosticDescriptor AnnotationForUnknownAction = Warning(
        "AKT0010", "Annotation names an unknown action", "The annotation for {0} matches no action in the schema files; it is ignored");

    public static readonly DiagnosticDescriptor InvalidSchemaKeyword = Warning(
        "AKT0012", "Schema keyword has the wrong type", "'{0}' in {1} must be {2}; it is ignored");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "AKT0099", "ActionKit generator failed on a file", "The ActionKit generator could not process '{0}': {1}");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        InvalidJson, EmptyOrBinaryFile, UnrecognizedEnvelope, InvalidActionName, InvalidParameters, InvalidRequired,
        UnresolvableReference, DuplicateAction, InvalidAnnotation, AnnotationForUnknownAction,
        InvalidSchemaKeyword, InternalError,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
