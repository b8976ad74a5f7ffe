# Multi-stage build of the web host (the default target). The runtime image carries PostgreSQL's server binaries (for
# the embedded database when no ConnectionStrings__Platform is given) and ffmpeg; production setups point it at a real
# server. `docker build --target render-server .` builds the reference render server (a stand-in for GPU inference
# servers in demos and tests, not a model) as an image of its own.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Platform.sln ./
COPY src/Platform.Core/Platform.Core.csproj src/Platform.Core/
COPY src/Platform.Web/Platform.Web.csproj src/Platform.Web/
COPY src/Platform.RenderServer/Platform.RenderServer.csproj src/Platform.RenderServer/
RUN dotnet restore src/Platform.Web/Platform.Web.csproj && dotnet restore src/Platform.RenderServer/Platform.RenderServer.csproj
COPY src/ src/
COPY wwwroot/ wwwroot/
COPY migrations/ migrations/
COPY appsettings.json ./
RUN dotnet publish src/Platform.Web/Platform.Web.csproj -c Release -o /app --no-restore \
    && dotnet publish src/Platform.RenderServer/Platform.RenderServer.csproj -c Release -o /render --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS render-server
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /render ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8090
EXPOSE 8090
ENTRYPOINT ["dotnet", "Platform.RenderServer.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql ffmpeg util-linux colmap \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Storage__DataDirectory=/data \
    Logging__Console__FormatterName=json
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200 OK' <&3"]
ENTRYPOINT ["dotnet", "Platform.Web.dll"]
