namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>Schema files of a made-up "crm" and "tickets" integration, in each shape ActionKit returns.</summary>
public static class TestSchemas
{
    /// <summary>A List Actions response: nested objects, a list of objects, an enum, a map, a free-form value.</summary>
    public const string CrmEnvelope = """
        {
          "actions": {
            "crm": [
              {
                "type": "function",
                "function": {
                  "name": "CRM_CREATE_DEAL",
                  "description": "Creates a deal with an owner, line items and a stage.",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "title": { "type": "string", "description": "Title of the deal." },
                      "amount": { "type": "number" },
                      "quantity": { "type": "integer" },
                      "closed": { "type": "boolean" },
                      "stage": { "type": "string", "enum": ["open", "won", "lost"] },
                      "owner": {
                        "type": "object",
                        "properties": {
                          "email": { "type": "string" },
                          "address": {
                            "type": "object",
                            "properties": { "city": { "type": "string" }, "zip": { "type": "string" } },
                            "required": ["city"]
                          }
                        },
                        "required": ["email"]
                      },
                      "lineItems": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": { "sku": { "type": "string" }, "price": { "type": "number" } },
                          "required": ["sku"]
                        }
                      },
                      "tags": { "type": "array", "items": { "type": "string" } },
                      "labels": { "type": "object", "additionalProperties": { "type": "string" } },
                      "extra": {}
                    },
                    "required": ["title", "stage"]
                  }
                }
              }
            ]
          },
          "errors": []
        }
        """;

    /// <summary>Gives CRM_CREATE_DEAL a typed result.</summary>
    public const string CrmAnnotations = """
        {
          "actions": {
            "CRM_CREATE_DEAL": {
              "safety": "write",
              "result": { "type": "object", "properties": { "id": { "type": "string" } } }
            }
          }
        }
        """;

    /// <summary>A bare tool object; its integration comes from the folder it sits in.</summary>
    public const string TicketsBareTool = """
        {
          "type": "function",
          "function": {
            "name": "TICKETS_GET_TICKET",
            "description": "Gets a ticket by id.",
            "parameters": {
              "type": "object",
              "properties": { "ticketId": { "type": "string" } },
              "required": ["ticketId"],
              "additionalProperties": false
            }
          }
        }
        """;

    /// <summary>A valid tool that is added as a plain AdditionalFiles item, not as ActionKitSchema: it must not generate.</summary>
    public const string UnrelatedBareTool = """
        {
          "type": "function",
          "function": {
            "name": "UNRELATED_DO_THING",
            "description": "Not an ActionKit schema item.",
            "parameters": { "type": "object", "properties": { "x": { "type": "string" } } }
          }
        }
        """;

    /// <summary>An array of tools; the project names its integration with ActionKitIntegration metadata.</summary>
    public const string LegacyToolArray = """
        [
          {
            "type": "function",
            "function": {
              "name": "LEGACY_PING",
              "description": "Checks that the legacy system answers.",
              "parameters": { "type": "object", "properties": {} }
            }
          }
        ]
        """;
}
