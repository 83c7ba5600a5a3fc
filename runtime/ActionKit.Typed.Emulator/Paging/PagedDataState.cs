using System.Threading;

namespace ActionKit.Typed.Emulator.Paging;

/// <summary>A data set being served, with how many injected failures are left.</summary>
internal sealed class PagedDataState(PagedDataSet dataSet)
{
    private int _failuresLeft = dataSet.FailAtPage is null ? 0 : dataSet.FailureCount;

    public PagedDataSet DataSet { get; } = dataSet;

    public bool TryTakeFailure(int pageNumber)
    {
        if (DataSet.FailAtPage != pageNumber)
        {
            return false;
        }

        int left;
        do
        {
            left = Volatile.Read(ref _failuresLeft);
            if (left <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _failuresLeft, left - 1, left) != left);

        return true;
    }
}
