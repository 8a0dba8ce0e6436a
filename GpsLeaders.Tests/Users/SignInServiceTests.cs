using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Users;

public class SignInServiceTests
{
    const string Password = "Correct-Horse-9";

    static async Task<(Services, ManualClock, User)> AdminAsync()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));
        var services = new Services(await TestDatabases.CreateMigratedAsync(), clock);
        var user = await services.Get<UserAccounts>().CreateAdminAsync("Boss@Example.com ", "Pat", "Boss", Password);
        return (services, clock, user);
    }

    [Fact]
    public async Task Correct_password_signs_in_case_insensitively_and_records_the_login()
    {
        var (services, clock, _) = await AdminAsync();
        var result = await services.Get<SignInService>().SignInAsync("  BOSS@example.COM", Password, new SignInOrigin("10.1.2.3", "Test browser"));

        Assert.True(result.Succeeded, result.Error);
        await using var db = services.Db();
        var user = await db.Users.SingleAsync();
        Assert.Equal(clock.Now.UtcDateTime, user.LastLoginAt);
        var activity = await db.Activities.SingleAsync(a => a.ActivityType == "user.signed_in");
        Assert.Equal(user.Id, activity.UserId);
        var session = await db.UserSessions.SingleAsync();
        Assert.Equal((result.SessionId, user.Id, "10.1.2.3", "Test browser"), (session.Id, session.UserId, session.Ip, session.UserAgent));
        Assert.Null(session.RevokedAt);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_five_failures_lock_the_account_for_fifteen_minutes()
    {
        var (services, clock, _) = await AdminAsync();
        var signIn = services.Get<SignInService>();
        for (var i = 0; i < 5; i++)
            Assert.Equal(SignInService.Refused, (await signIn.SignInAsync("boss@example.com", "nope", null)).Error);

        // Locked: even the right password is refused while the failures are recent, with the same message.
        var locked = await signIn.SignInAsync("boss@example.com", Password, null);
        Assert.False(locked.Succeeded);
        Assert.Equal(SignInService.Refused, locked.Error);

        clock.Advance(SignInService.FailureWindow + TimeSpan.FromSeconds(1));
        Assert.True((await signIn.SignInAsync("boss@example.com", Password, null)).Succeeded);
    }

    [Fact]
    public async Task Inactive_users_and_agent_seats_cannot_sign_in()
    {
        var (services, _, admin) = await AdminAsync();
        var accounts = services.Get<UserAccounts>();
        var invitation = await accounts.InviteAsync(admin.Id, new NewUser("rep@example.com", "Rae", "Rep", UserRole.REP));
        await accounts.AcceptInvitationAsync(invitation.UserId, invitation.Token, Password, Password);
        await accounts.SetActiveAsync(admin.Id, invitation.UserId, active: false);

        var result = await services.Get<SignInService>().SignInAsync("rep@example.com", Password, null);
        Assert.False(result.Succeeded);
        Assert.Equal(SignInService.Refused, result.Error);

        var agent = await accounts.InviteAsync(admin.Id, new NewUser("agent@example.com", "Ada", "Agent", UserRole.AI_AGENT));
        await accounts.AcceptInvitationAsync(agent.UserId, agent.Token, Password, Password);
        Assert.Equal(SignInService.Refused, (await services.Get<SignInService>().SignInAsync("agent@example.com", Password, null)).Error);
    }

    [Fact]
    public async Task Invitation_is_one_time_expires_after_72_hours_and_stores_no_token()
    {
        var (services, clock, admin) = await AdminAsync();
        var accounts = services.Get<UserAccounts>();
        var invitation = await accounts.InviteAsync(admin.Id, new NewUser("new@example.com", "Nia", "New", UserRole.OPERATOR));

        await using (var db = services.Db())
        {
            var invited = await db.Users.SingleAsync(u => u.Id == invitation.UserId);
            Assert.Equal(admin.Id, invited.InvitedById);
            Assert.Equal(clock.Now.UtcDateTime, invited.InvitedAt);
            Assert.DoesNotContain(invitation.Token, invited.PasswordHash);
        }
        Assert.Equal(SignInService.Refused, (await services.Get<SignInService>().SignInAsync("new@example.com", "whatever-long", null)).Error);
        Assert.Null(await accounts.FindInvitedAsync(invitation.UserId, invitation.Token + "x"));

        clock.Advance(TimeSpan.FromHours(71));
        var tooShort = await Assert.ThrowsAsync<GpsLeaders.Data.Platform.ValidationFailedException>(
            () => accounts.AcceptInvitationAsync(invitation.UserId, invitation.Token, "short", "short"));
        Assert.Contains("password", tooShort.Errors.Keys);
        await accounts.AcceptInvitationAsync(invitation.UserId, invitation.Token, Password, Password);
        Assert.True((await services.Get<SignInService>().SignInAsync("new@example.com", Password, null)).Succeeded);
        // Used once: the same link no longer works.
        Assert.Null(await accounts.FindInvitedAsync(invitation.UserId, invitation.Token));

        var late = await accounts.InviteAsync(admin.Id, new NewUser("late@example.com", "Lee", "Late", UserRole.REP));
        clock.Advance(UserAccounts.InvitationLifetime + TimeSpan.FromMinutes(1));
        var expired = await Assert.ThrowsAsync<GpsLeaders.Data.Platform.ValidationFailedException>(
            () => accounts.AcceptInvitationAsync(late.UserId, late.Token, Password, Password));
        Assert.Contains("expired", expired.Errors["token"]);
    }

    [Fact]
    public async Task Inviting_an_existing_email_or_a_malformed_one_names_the_field()
    {
        var (services, _, admin) = await AdminAsync();
        var accounts = services.Get<UserAccounts>();
        var duplicate = await Assert.ThrowsAsync<GpsLeaders.Data.Platform.ValidationFailedException>(
            () => accounts.InviteAsync(admin.Id, new NewUser("BOSS@example.com", "Dup", "Licate", UserRole.REP)));
        Assert.Contains("already exists", duplicate.Errors["email"]);
        var malformed = await Assert.ThrowsAsync<GpsLeaders.Data.Platform.ValidationFailedException>(
            () => accounts.InviteAsync(admin.Id, new NewUser("not-an-email", "", "X", UserRole.REP)));
        Assert.Contains("email", malformed.Errors.Keys);
        Assert.Contains("firstName", malformed.Errors.Keys);
        await using var db = services.Db();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Unknown_wrong_locked_deactivated_invited_and_agent_accounts_all_get_one_message()
    {
        var (services, clock, admin) = await AdminAsync();
        var accounts = services.Get<UserAccounts>();
        var signIn = services.Get<SignInService>();
        var deactivated = await accounts.InviteAsync(admin.Id, new NewUser("gone@example.com", "Gus", "Gone", UserRole.REP));
        await accounts.AcceptInvitationAsync(deactivated.UserId, deactivated.Token, Password, Password);
        await accounts.SetActiveAsync(admin.Id, deactivated.UserId, active: false);
        await accounts.InviteAsync(admin.Id, new NewUser("invited@example.com", "Ivy", "Invited", UserRole.REP));
        var agent = await accounts.InviteAsync(admin.Id, new NewUser("agent@example.com", "Ada", "Agent", UserRole.AI_AGENT));
        await accounts.AcceptInvitationAsync(agent.UserId, agent.Token, Password, Password);
        var locked = await accounts.InviteAsync(admin.Id, new NewUser("locked@example.com", "Lou", "Locked", UserRole.REP));
        await accounts.AcceptInvitationAsync(locked.UserId, locked.Token, Password, Password);
        clock.Advance(TimeSpan.FromSeconds(1)); // failures count from after the last sign-in (the accept)
        for (var i = 0; i < SignInService.MaxFailures; i++) await signIn.SignInAsync("locked@example.com", "wrong-guess", null);

        var answers = new Dictionary<string, SignInResult>
        {
            ["unknown"] = await signIn.SignInAsync("nobody@example.com", Password, null),
            ["wrong"] = await signIn.SignInAsync("boss@example.com", "wrong-guess", null),
            ["locked, right password"] = await signIn.SignInAsync("locked@example.com", Password, null),
            ["deactivated, right password"] = await signIn.SignInAsync("gone@example.com", Password, null),
            ["invited"] = await signIn.SignInAsync("invited@example.com", Password, null),
            ["agent, right password"] = await signIn.SignInAsync("agent@example.com", Password, null),
        };
        foreach (var (which, answer) in answers)
        {
            Assert.False(answer.Succeeded, which);
            Assert.Null(answer.SessionId);
            Assert.Equal(SignInService.Refused, answer.Error);
        }
        await using var db = services.Db();
        Assert.Equal(3, await db.UserSessions.CountAsync()); // the three accepted invitations' sessions; no refusal started one
    }

    [Fact]
    public async Task Thirty_parallel_wrong_passwords_are_all_counted_and_at_most_five_reach_the_hash()
    {
        var (services, _, admin) = await AdminAsync();
        var signIn = services.Get<SignInService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => signIn.SignInAsync("boss@example.com", $"guess-{i}", null))));

        Assert.All(results, r => Assert.Equal(SignInService.Refused, r.Error));
        await using var db = services.Db();
        var failures = await db.Activities.Where(a => a.UserId == admin.Id && a.ActivityType == "user.sign_in_failed").Select(a => a.Detail!).ToListAsync();
        Assert.Equal(30, failures.Count);
        // Only the first five were checked against the password; the rest found the account locked.
        Assert.Equal(SignInService.MaxFailures, failures.Count(d => d.Contains("\"wrong_password\"")));
        Assert.Equal(30 - SignInService.MaxFailures, failures.Count(d => d.Contains("\"locked\"")));
        Assert.False((await signIn.SignInAsync("boss@example.com", Password, null)).Succeeded);
    }

    [Fact]
    public async Task Ten_simultaneous_accepts_of_one_invitation_give_one_success_and_a_clear_message()
    {
        var (services, _, admin) = await AdminAsync();
        var accounts = services.Get<UserAccounts>();
        var invitation = await accounts.InviteAsync(admin.Id, new NewUser("twin@example.com", "Tia", "Twin", UserRole.REP));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try { return (await accounts.AcceptInvitationAsync(invitation.UserId, invitation.Token, $"Password-{i:00}-long", $"Password-{i:00}-long")).SessionId; }
            catch (GpsLeaders.Data.Platform.ValidationFailedException ex) { return "refused: " + ex.Errors["token"]; }
        })));

        Assert.Single(attempts, a => !a.StartsWith("refused"));
        Assert.All(attempts.Where(a => a.StartsWith("refused")), a => Assert.Equal("refused: " + UserAccounts.InvitationUsed, a));
        await using var db = services.Db();
        Assert.Equal(1, await db.UserSessions.CountAsync(s => s.UserId == invitation.UserId));
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "user.invitation_accepted"));
    }

    [Fact]
    public async Task Sign_out_deactivation_a_password_reset_and_an_admin_end_sessions_on_the_server()
    {
        var (services, _, admin) = await AdminAsync();
        var accounts = services.Get<UserAccounts>();
        var sessions = services.Get<UserSessions>();
        var signIn = services.Get<SignInService>();
        var invitation = await accounts.InviteAsync(admin.Id, new NewUser("rep@example.com", "Rae", "Rep", UserRole.REP));
        var first = (await accounts.AcceptInvitationAsync(invitation.UserId, invitation.Token, Password, Password)).SessionId;
        var second = (await signIn.SignInAsync("rep@example.com", Password, new SignInOrigin("10.0.0.9", "Phone"))).SessionId!;
        Assert.Equal(UserRole.REP, await sessions.ActiveRoleAsync(invitation.UserId, first));
        Assert.Null(await sessions.ActiveRoleAsync(admin.Id, first)); // someone else's session id is no session

        // Sign-out ends that browser's session only.
        await signIn.SignOutAsync(invitation.UserId, first);
        Assert.Null(await sessions.ActiveRoleAsync(invitation.UserId, first));
        Assert.Equal(UserRole.REP, await sessions.ActiveRoleAsync(invitation.UserId, second));

        // An administrator sees the live one and ends it.
        var listed = Assert.Single(await sessions.ActiveAsync(invitation.UserId));
        Assert.Equal((second, "10.0.0.9", "Phone"), (listed.Id, listed.Ip, listed.UserAgent));
        Assert.Equal(1, await sessions.EndByAdminAsync(admin.Id, invitation.UserId, second));
        Assert.Null(await sessions.ActiveRoleAsync(invitation.UserId, second));

        // Deactivation ends all of them.
        var third = (await signIn.SignInAsync("rep@example.com", Password, null)).SessionId!;
        await accounts.SetActiveAsync(admin.Id, invitation.UserId, active: false);
        Assert.Null(await sessions.ActiveRoleAsync(invitation.UserId, third));
        await accounts.SetActiveAsync(admin.Id, invitation.UserId, active: true);
        Assert.Null(await sessions.ActiveRoleAsync(invitation.UserId, third)); // reactivation revives no session

        // A new password (reset link) ends every earlier session; the accept starts the only live one.
        var fourth = (await signIn.SignInAsync("rep@example.com", Password, null)).SessionId!;
        var reset = await accounts.ReinviteAsync(admin.Id, invitation.UserId);
        Assert.Null(await sessions.ActiveRoleAsync(invitation.UserId, fourth));
        var fifth = (await accounts.AcceptInvitationAsync(reset.UserId, reset.Token, "Another-Pass-42", "Another-Pass-42")).SessionId;
        Assert.Equal(fifth, Assert.Single(await sessions.ActiveAsync(invitation.UserId)).Id);
    }
}
