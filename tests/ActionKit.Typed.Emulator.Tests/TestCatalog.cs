namespace ActionKit.Typed.Emulator.Tests;

/// <summary>Small schema and annotation documents in the shapes ActionKit and the annotation format use.</summary>
internal static class TestCatalog
{
    public const string Slack = """
        {
          "actions": {
            "slack": [
              {
                "type": "function",
                "function": {
                  "name": "SLACK_SEND_MESSAGE",
                  "description": "Send a message to a channel",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "channel": { "type": "string", "description": "Channel id" },
                      "message": { "type": "string", "description": "Text" }
                    },
                    "required": ["channel", "message"],
                    "additionalProperties": false
                  }
                }
              },
              {
                "type": "function",
                "function": {
                  "name": "SLACK_LIST_CHANNELS",
                  "description": "List channels",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "paginationParameters": {
                        "type": "object",
                        "properties": { "pageCursor": { "type": "string" } },
                        "required": [],
                        "additionalProperties": false
                      }
                    },
                    "required": [],
                    "additionalProperties": false
                  }
                }
              }
            ]
          },
          "errors": []
        }
        """;

    public const string GoogleDrive = """
        {
          "actions": {
            "googledrive": [
              {
                "type": "function",
                "function": {
                  "name": "GOOGLE_DRIVE_DOWNLOAD_FILE",
                  "description": "Download a file – returns its bytes",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "fileId": { "type": "string" },
                      "mimeType": { "type": "string" }
                    },
                    "required": ["fileId"],
                    "additionalProperties": false
                  }
                }
              }
            ]
          },
          "errors": []
        }
        """;

    /// <summary>A bare tool (no List Actions wrapper).</summary>
    public const string BareHubSpotTool = """
        {
          "type": "function",
          "function": {
            "name": "HUBSPOT_GET_RECORDS_ANY",
            "description": "Get records",
            "parameters": { "type": "object", "properties": { "recordType": { "type": "string" } }, "required": ["recordType"], "additionalProperties": false }
          }
        }
        """;

    /// <summary>An array of tools.</summary>
    public const string NotionArray = """
        [
          { "type": "function", "function": { "name": "NOTION_GET_PAGE_BY_ID", "description": "Get a page", "parameters": { "type": "object", "properties": { "pageId": { "type": "string" } }, "required": ["pageId"] } } },
          { "type": "function", "function": { "name": "NOTION_SEARCH_PAGES", "description": "Search pages", "parameters": { "type": "object", "properties": {}, "required": [] } } }
        ]
        """;

    public const string Annotations = """
        {
          "actions": {
            "SLACK_SEND_MESSAGE": {
              "safety": "write",
              "result": {
                "type": "object",
                "properties": {
                  "ok": { "type": "boolean" },
                  "channel": { "type": "string" },
                  "ts": { "type": "string" },
                  "count": { "type": "integer" },
                  "score": { "type": "number" },
                  "status": { "type": "string", "enum": ["sent", "queued"] },
                  "created": { "type": "string", "format": "date-time" },
                  "message": { "$ref": "#/definitions/message" }
                },
                "definitions": {
                  "message": {
                    "type": "object",
                    "properties": {
                      "text": { "type": "string" },
                      "replies": { "type": "array", "items": { "$ref": "#/definitions/message" } }
                    }
                  }
                }
              }
            },
            "SLACK_LIST_CHANNELS": {
              "safety": "read",
              "result": {
                "type": "object",
                "properties": {
                  "channels": { "type": "array", "items": { "$ref": "#/$defs/channel" } },
                  "nextPageCursor": { "type": ["string", "null"] }
                },
                "$defs": { "channel": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } } } }
              },
              "pagination": { "style": "cursor", "position": "pageCursor", "items": "/channels", "nextCursor": "/nextPageCursor" }
            },
            "GOOGLE_DRIVE_DOWNLOAD_FILE": { "safety": "read", "resultKind": "binary" }
          }
        }
        """;

    /// <summary>Options with the test catalog and nothing bundled, so tests do not depend on the SDK's catalog.</summary>
    public static ActionKitEmulatorOptions Options()
    {
        var options = new ActionKitEmulatorOptions { IncludeBundledCatalog = false, SigningKeyPem = TestKeys.SigningKeyPem };
        options.SchemaDocuments.Add(Slack);
        options.SchemaDocuments.Add(GoogleDrive);
        options.SchemaDocuments.Add(BareHubSpotTool);
        options.SchemaDocuments.Add(NotionArray);
        options.AnnotationDocuments.Add(Annotations);
        return options;
    }
}
