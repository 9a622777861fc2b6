# PricingApi container image. Untested here (no Docker engine on the build machines); kept correct by construction.
# Build:  docker build -t pricingapi .
# Run:    docker run -p 8080:8080 -v pricing-data:/data pricingapi
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/PricingApi/PricingApi.csproj src/PricingApi/
RUN dotnet restore src/PricingApi/PricingApi.csproj --runtime linux-x64
COPY src/ src/
COPY seed/ seed/
# Published for linux-x64, so the csproj turns on ReadyToRun (precompiled code, faster start).
RUN dotnet publish src/PricingApi/PricingApi.csproj --configuration Release --runtime linux-x64 --self-contained false --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The SQLite file lives on a volume owned by the image's non-root user ("app", uid 1654).
RUN mkdir -p /data && chown app:app /data
COPY --from=build /app .
# The fee list's signing keys live on the volume too, whichever database is used (on PostgreSQL they would otherwise
# go to the working directory, which the non-root user cannot write). Several instances share one key instead:
# Publishing__SigningKeyPem from a secret.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Pricing="Data Source=/data/pricing.db" \
    Publishing__SigningKeyDirectory=/data/signing-keys
USER app
VOLUME /data
EXPOSE 8080
# The runtime image has no curl: the service probes its own /healthz (port from ASPNETCORE_HTTP_PORTS).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "/app/PricingApi.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "PricingApi.dll"]
