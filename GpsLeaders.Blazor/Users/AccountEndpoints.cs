using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GpsLeaders.Blazor.Users;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A form post (antiforgery-checked) so that a link or an image cannot sign anyone out.
        app.MapPost("/account/signout", async (HttpContext http, SignInService signIns) =>
        {
            if (http.User.UserId() is { } id) await signIns.RecordSignOutAsync(id, http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/signin");
        }).AllowAnonymous();
    }
}
