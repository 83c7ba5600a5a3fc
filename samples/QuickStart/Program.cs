using System;
using QuickStart.ActionKit;

var request = new SlackSendMessageRequest { Channel = "C1", Message = "hi" };
Console.WriteLine(ActionKitCatalog.All.Count);
Console.WriteLine(request);
