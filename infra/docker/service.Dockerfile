# One multi-stage build for every ThreeRC service; docker-compose.yml passes each its project
# (and the Debian packages that service needs at run time, such as ssh and ipmitool for the executor).
#   docker build -f infra/docker/service.Dockerfile --build-arg PROJECT=ThreeRC.Monitor .
# Pinned: the SDK and ASP.NET Core runtime the tests build and run with (dotnet --version, dotnet --list-runtimes);
# raise both with each .NET servicing release.
ARG SDK_VERSION=10.0.401
ARG RUNTIME_VERSION=10.0.12

FROM mcr.microsoft.com/dotnet/sdk:${SDK_VERSION} AS build
ARG PROJECT
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY shared/ shared/
COPY services/ services/
RUN test -n "$PROJECT" || (echo "set --build-arg PROJECT=ThreeRC.<Service>" >&2; exit 1)
RUN dotnet publish "services/${PROJECT}/${PROJECT}.csproj" -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:${RUNTIME_VERSION} AS runtime
ARG PROJECT
ARG RUNTIME_PACKAGES=""
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ${RUNTIME_PACKAGES} \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASSEMBLY="${PROJECT}.dll" \
    Inventory__Path=/etc/threerc/inventory.yaml \
    Storage__DataDirectory=/var/lib/threerc
RUN mkdir -p /var/lib/threerc && chown app /var/lib/threerc
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"$ASSEMBLY\""]
