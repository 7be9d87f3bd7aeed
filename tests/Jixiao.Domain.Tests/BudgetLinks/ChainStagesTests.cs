using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Rectifications;

namespace Jixiao.Domain.Tests.BudgetLinks;

/// <summary>Where a results chain stands: rectification first, then the budget decision; a withdrawn item keeps nothing open.</summary>
public sealed class ChainStagesTests
{
    private const RectificationState Done = RectificationState.Done, Cancelled = RectificationState.Cancelled;

    public static TheoryData<RectificationState[], LinkState[], ChainStage> Cases => new()
    {
        { [], [], ChainStage.Closed },
        { [Done], [], ChainStage.Closed },
        { [Cancelled], [LinkState.Accepted], ChainStage.Closed },
        { [Done, Done], [LinkState.Overridden], ChainStage.Closed },
        { [RectificationState.Pending], [], ChainStage.Rectifying },
        { [Done, RectificationState.Verifying], [LinkState.Accepted], ChainStage.Rectifying },
        // an open item comes before an undecided link: it also stops an increase of next year's budget
        { [RectificationState.InProgress], [LinkState.Suggested], ChainStage.Rectifying },
        { [RectificationState.Submitted], [], ChainStage.Rectifying },
        { [Done], [LinkState.Suggested], ChainStage.Deciding },
        { [], [LinkState.Accepted, LinkState.Suggested], ChainStage.Deciding },
        { [Cancelled], [LinkState.Suggested], ChainStage.Deciding },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Stage_FollowsTheChain(RectificationState[] items, LinkState[] links, ChainStage expected) =>
        Assert.Equal(expected, ChainStages.Of(items, links));
}
