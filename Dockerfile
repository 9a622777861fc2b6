# PricingApi container image. Untested here (no Docker engine on the build machines); kept correct by construction.
# Build:  docker build -t pricingapi .                                  (the builder's own architecture)
#         docker buildx build --platform linux/arm64 -t pricingapi .   (another one; amd64 and arm64 both work)
# Run:    docker run -p 8080:8080 -v pricing-data:/data pricingapi
# Keys:   docker run --rm -v pricing-data:/data pricingapi keys create --role pricing-admin --name "Pricing desk"
# More in docs/container.md.
#
# The SDK stage runs on the build machine's own platform and cross-compiles for the target's architecture
# (TARGETARCH, set by BuildKit: amd64 or arm64), as the official .NET samples do: no emulation while compiling.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/PricingApi/PricingApi.csproj src/PricingApi/
RUN dotnet restore src/PricingApi/PricingApi.csproj -a $TARGETARCH
COPY src/ src/
COPY seed/ seed/
# Published for a runtime (linux-x64 or linux-arm64), so the csproj turns on ReadyToRun (precompiled code, faster
# start); crossgen compiles for the target architecture from the build machine's.
RUN dotnet publish src/PricingApi/PricingApi.csproj --configuration Release -a $TARGETARCH --self-contained false --no-restore --output /app
RUN mkdir /data

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The SQLite file lives on a volume owned by the image's non-root user ("app", uid 1654). The directory comes from the
# build stage because this stage has no RUN: a build for another architecture then needs no emulator (QEMU).
COPY --from=build --chown=app:app /data /data
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
