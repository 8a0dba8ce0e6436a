# GPS Leaders CRM: build with the .NET SDK, run on the ASP.NET runtime as the image's non-root user.
# The database comes from ConnectionStrings__Default (see compose.yaml); the image has no embedded PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package changes.
COPY Directory.Build.props Directory.Packages.props GpsLeaders.sln appsettings.json ./
COPY GpsLeaders.Data/GpsLeaders.Data.csproj GpsLeaders.Data/
COPY GpsLeaders.Blazor/GpsLeaders.Blazor.csproj GpsLeaders.Blazor/
RUN dotnet restore GpsLeaders.Blazor/GpsLeaders.Blazor.csproj
COPY GpsLeaders.Data/ GpsLeaders.Data/
COPY GpsLeaders.Blazor/ GpsLeaders.Blazor/
RUN dotnet publish GpsLeaders.Blazor/GpsLeaders.Blazor.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Data-protection keys (auth cookies, antiforgery) must outlive the container: mount /data/keys.
RUN mkdir -p /data/keys && chown "$APP_UID" /data/keys
VOLUME /data/keys
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataProtection__KeysDir=/data/keys
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \
    CMD ["dotnet", "GpsLeaders.dll", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "GpsLeaders.dll"]
CMD ["serve"]
