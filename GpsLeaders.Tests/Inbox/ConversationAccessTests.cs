using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Inbox.Sms;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Inbox;

/// <summary>
/// Reps work their own and unassigned conversations: through every service that takes a conversation id, another rep's
/// conversation answers exactly like an id that does not exist, and nothing about it changes.
/// </summary>
public sealed class ConversationAccessTests : IAsyncLifetime
{
    Services _s = default!;
    InboxViewer _rep1 = default!, _operator = default!;
    string _rep2Id = "";

    public async Task InitializeAsync()
    {
        _s = new Services(await TestDatabases.CreateWithDemoDataAsync());
        await using var db = _s.Db();
        var users = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test" || u.Email == "rep2@gpsleaders.test" || u.Email == "operator@gpsleaders.test")
            .ToDictionaryAsync(u => u.Email, u => u.Id);
        _rep1 = new InboxViewer(users["rep1@gpsleaders.test"], UserRole.REP);
        _operator = new InboxViewer(users["operator@gpsleaders.test"], UserRole.OPERATOR);
        _rep2Id = users["rep2@gpsleaders.test"];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A lead's conversation on <paramref name="channel"/>, open, with two unread, assigned to <paramref name="assigneeId"/>.</summary>
    async Task<string> ConversationAsync(ConversationChannel channel, string? assigneeId, int skip = 0)
    {
        string leadId;
        await using (var db = _s.Db())
            leadId = await db.Leads.Where(l => l.Contact.Email != null && l.Contact.PhoneE164 != null)
                .OrderBy(l => l.Id).Skip(skip).Select(l => l.Id).FirstAsync();
        var id = await _s.Get<ConversationActions>().EnsureAsync(leadId, channel);
        await using var change = _s.Db();
        await change.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.UserId, assigneeId).SetProperty(c => c.UnreadCount, 2).SetProperty(c => c.IsArchived, false));
        return id;
    }

    sealed record Snapshot(string? UserId, int Unread, bool Archived, uint Version, int Activities, int Sms, int Emails);

    async Task<Snapshot> SnapshotAsync(string conversationId)
    {
        await using var db = _s.Db();
        var c = await db.Conversations.AsNoTracking().SingleAsync(x => x.Id == conversationId);
        return new Snapshot(c.UserId, c.UnreadCount, c.IsArchived, c.Version, await db.Activities.CountAsync(),
            await db.SmsMessages.CountAsync(), await db.EmailMessages.CountAsync());
    }

    static async Task<IReadOnlyDictionary<string, string>> RefusalAsync(Func<Task> action) =>
        (await Assert.ThrowsAsync<ValidationFailedException>(action)).Errors;

    [Fact]
    public async Task A_rep_gets_another_reps_conversation_answered_as_an_unknown_id_through_every_service_and_nothing_changes()
    {
        var sms = await ConversationAsync(ConversationChannel.SMS, _rep2Id);
        var email = await ConversationAsync(ConversationChannel.EMAIL, _rep2Id, skip: 1);
        var unknown = Guid.CreateVersion7().ToString();
        var queries = _s.Get<InboxQueries>();
        var actions = _s.Get<ConversationActions>();
        var smsBefore = await SnapshotAsync(sms);
        var emailBefore = await SnapshotAsync(email);

        Assert.Null(await queries.PaneAsync(unknown, _rep1));
        Assert.Null(await queries.PaneAsync(sms, _rep1));
        Assert.Null(await queries.PaneAsync(email, _rep1));

        Assert.False(await actions.MarkReadAsync(unknown, _rep1));
        Assert.False(await actions.MarkReadAsync(sms, _rep1));

        var assignUnknown = await RefusalAsync(() => actions.AssignAsync(unknown, _rep1.UserId, _rep1));
        Assert.Equal(assignUnknown, await RefusalAsync(() => actions.AssignAsync(sms, _rep1.UserId, _rep1)));
        Assert.Equal(assignUnknown, await RefusalAsync(() => actions.AssignAsync(sms, null, _rep1)));

        var archiveUnknown = await RefusalAsync(() => actions.SetArchivedAsync(unknown, true, _rep1));
        Assert.Equal(archiveUnknown, await RefusalAsync(() => actions.SetArchivedAsync(sms, true, _rep1)));

        var smsUnknown = await RefusalAsync(() => _s.Get<SmsSending>().ReplyAsync(unknown, "Hi from rep1", _rep1));
        Assert.Equal(smsUnknown, await RefusalAsync(() => _s.Get<SmsSending>().ReplyAsync(sms, "Hi from rep1", _rep1)));
        var emailUnknown = await RefusalAsync(() => _s.Get<EmailSending>().ReplyAsync(unknown, "Quote", "Hi from rep1", _rep1));
        Assert.Equal(emailUnknown, await RefusalAsync(() => _s.Get<EmailSending>().ReplyAsync(email, "Quote", "Hi from rep1", _rep1)));
        Assert.Equal(assignUnknown, smsUnknown);

        // The rep's list and badge leave it out as well.
        Assert.DoesNotContain(await queries.ListAsync(new InboxFilter(), _rep1, take: 5000), r => r.Id == sms || r.Id == email);

        Assert.Equal(smsBefore, await SnapshotAsync(sms));
        Assert.Equal(emailBefore, await SnapshotAsync(email));
        Assert.Equal((_rep2Id, 2, false), (smsBefore.UserId, smsBefore.Unread, smsBefore.Archived));
    }

    [Fact]
    public async Task A_rep_works_their_own_and_unassigned_conversations_and_an_operator_works_every_one()
    {
        var mine = await ConversationAsync(ConversationChannel.SMS, _rep1.UserId);
        var unassigned = await ConversationAsync(ConversationChannel.SMS, null, skip: 1);
        var rep2s = await ConversationAsync(ConversationChannel.SMS, _rep2Id, skip: 2);
        var queries = _s.Get<InboxQueries>();
        var actions = _s.Get<ConversationActions>();

        Assert.NotNull(await queries.PaneAsync(mine, _rep1));
        Assert.NotNull(await queries.PaneAsync(unassigned, _rep1));
        var badgeBefore = await queries.UnreadTotalAsync(_rep1);
        Assert.True(await actions.MarkReadAsync(unassigned, _rep1));
        Assert.Equal(badgeBefore - 2, await queries.UnreadTotalAsync(_rep1));
        await actions.AssignAsync(unassigned, _rep1.UserId, _rep1);
        await actions.SetArchivedAsync(mine, true, _rep1);
        // A reply in a visible conversation passes the inbox check and stops at the next one (the demo has no SMS gateway).
        Assert.False((await RefusalAsync(() => _s.Get<SmsSending>().ReplyAsync(mine, "Hi", _rep1))).ContainsKey("conversation"));

        Assert.NotNull(await queries.PaneAsync(rep2s, _operator));
        Assert.True(await actions.MarkReadAsync(rep2s, _operator));
        await actions.AssignAsync(rep2s, _rep1.UserId, _operator);
        Assert.NotNull(await queries.PaneAsync(rep2s, _rep1));

        await using var db = _s.Db();
        var rows = await db.Conversations.Where(c => c.Id == mine || c.Id == unassigned || c.Id == rep2s).ToDictionaryAsync(c => c.Id);
        Assert.True(rows[mine].IsArchived);
        Assert.Equal(_rep1.UserId, rows[unassigned].UserId);
        Assert.Equal((_rep1.UserId, 0), (rows[rep2s].UserId, rows[rep2s].UnreadCount));
    }
}
