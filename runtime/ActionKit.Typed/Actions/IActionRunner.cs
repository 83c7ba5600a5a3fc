using System.ClientModel;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>Runs typed action requests; the generated integration facades call through it.</summary>
public interface IActionRunner
{
    /// <summary>Runs <paramref name="request"/> and reads its result.</summary>
    Task<ClientResult<TResult>> RunAsync<TResult>(IActionRequest<TResult> request, CancellationToken cancellationToken = default);
}
