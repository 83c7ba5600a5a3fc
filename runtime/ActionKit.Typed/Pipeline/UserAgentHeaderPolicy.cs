using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// Sets the SDK's <c>User-Agent</c> (the value System.ClientModel's <see cref="UserAgentPolicy"/> formats) and hands the
/// message on without an async frame of its own: this policy runs on every call.
/// </summary>
internal sealed class UserAgentHeaderPolicy : PipelinePolicy
{
    private readonly string _value;

    public UserAgentHeaderPolicy(System.Reflection.Assembly assembly) => _value = new UserAgentPolicy(assembly).UserAgentValue;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("User-Agent", _value);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("User-Agent", _value);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
