// Bare Kestrel: the same 302 (Location and Cache-Control) the app's /q/{slug} answers, with no lookup, no scan and no middleware.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var location = app.Configuration["Location"] ?? "https://hibachi.example/menu?utm_source=flyer&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall";
app.MapGet("/q/{slug}", (string slug, HttpContext http) =>
{
    http.Response.Headers.CacheControl = "no-store";
    return Results.Redirect(location);
});
app.Run();
