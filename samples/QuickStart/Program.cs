using System;
using System.Threading.Tasks;
using ActionKit.Typed;
using QuickStart;

// ActionKit.Typed in one run: typed and untyped actions, the catalog, errors, multi-account, files and pagination.
// By default everything runs against the embedded emulator on loopback; set PARAGON_PROJECT_ID and
// PARAGON_USER_TOKEN (or PARAGON_SIGNING_KEY and PARAGON_USER_ID) to run the read-only part against Paragon.
var paragon = ParagonSettings.FromEnvironment();
return paragon is null ? await EmulatorTour.RunAsync() : await ParagonTour.RunAsync(paragon);
