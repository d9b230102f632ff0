# PlanManager: one image for every role (web node, worker node, migration step).
# Build:  docker build -t planmanager .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/PlanManager.Web/PlanManager.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check; fontconfig for SkiaSharp (photo thumbnails).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libfontconfig1 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data/photos /app/logs \
 && chown -R app:app /data /app
WORKDIR /app
COPY --from=build --chown=app:app /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://0.0.0.0:8080 \
    Photos__Folder=/data/photos \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "PlanManager.Web.dll"]
