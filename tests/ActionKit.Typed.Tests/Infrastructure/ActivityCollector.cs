using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace ActionKit.Typed.Tests;

/// <summary>Listens to the SDK's ActivitySource and keeps the activities that belong to the current test (by action name marker).</summary>
public sealed class ActivityCollector : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<Activity> _activities = [];
    private readonly string _traceMarker;

    public ActivityCollector()
    {
        // Tests run in parallel: keep only activities started under this collector's parent.
        Parent = new Activity("test-" + Guid.NewGuid().ToString("N")).Start();
        _traceMarker = Parent.TraceId.ToString();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ActionKitDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId.ToString() == _traceMarker)
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public Activity Parent { get; }

    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_activities)
            {
                return _activities.ToList();
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        Parent.Stop();
    }
}
