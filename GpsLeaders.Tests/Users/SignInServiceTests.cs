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
        var result = await services.Get<SignInService>().SignInAsync("  BOSS@example.COM", Password, "10.1.2.3");

        Assert.True(result.Succeeded, result.Error);
        await using var db = services.Db();
        var user = await db.Users.SingleAsync();
        Assert.Equal(clock.Now.UtcDateTime, user.LastLoginAt);
        var activity = await db.Activities.SingleAsync(a => a.ActivityType == "user.signed_in");
        Assert.Equal(user.Id, activity.UserId);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_five_failures_lock_the_account_for_fifteen_minutes()
    {
        var (services, clock, _) = await AdminAsync();
        var signIn = services.Get<SignInService>();
        for (var i = 0; i < 4; i++)
            Assert.Equal(SignInService.WrongCredentials, (await signIn.SignInAsync("boss@example.com", "nope", null)).Error);
        Assert.Contains("Too many failed sign-ins", (await signIn.SignInAsync("boss@example.com", "nope", null)).Error);

        // Locked: even the right password is refused while the failures are recent.
        var locked = await signIn.SignInAsync("boss@example.com", Password, null);
        Assert.False(locked.Succeeded);
        Assert.Contains("Too many failed sign-ins", locked.Error);

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
        Assert.Contains("deactivated", result.Error);

        var agent = await accounts.InviteAsync(admin.Id, new NewUser("agent@example.com", "Ada", "Agent", UserRole.AI_AGENT));
        await accounts.AcceptInvitationAsync(agent.UserId, agent.Token, Password, Password);
        Assert.Contains("API tokens", (await services.Get<SignInService>().SignInAsync("agent@example.com", Password, null)).Error);
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
        Assert.Contains("not been set up", (await services.Get<SignInService>().SignInAsync("new@example.com", "whatever-long", null)).Error);
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
}
