using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// Every toast goes through here: the text sits in an element marked <c>data-testid="toast"</c>, so browser tests find a
/// toast by its words without knowing the component library's markup.
/// </summary>
public static class Toasts
{
    public static void Toast(this ISnackbar snackbar, string text, Severity severity = Severity.Normal) =>
        snackbar.Add(Message(text), severity);

    static RenderFragment Message(string text) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "data-testid", "toast");
        builder.AddContent(2, text);
        builder.CloseElement();
    };
}
