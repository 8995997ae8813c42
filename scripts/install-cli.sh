#!/usr/bin/env bash
# Installs the `tandem` command from this checkout: packs src/Tandem.Cli as a .NET tool into artifacts/cli and runs
#   dotnet tool install --global --add-source artifacts/cli Tandem.Cli --version <that build>
# so `tandem` is on the PATH (~/.dotnet/tools; dotnet says so when that folder is not on the PATH yet).
#   scripts/install-cli.sh                     # the global tool; run again to update it from a newer checkout
#   scripts/install-cli.sh --tool-path DIR     # into DIR instead (DIR/tandem), e.g. for a test
#   scripts/install-cli.sh --no-build ...      # pack what `dotnet build -c Release` already built (without ReadyToRun)
#   scripts/install-cli.sh --configuration Debug ...
# Each pack gets its own version (0.1.0-dev.<UTC time>), so NuGet's cache never serves an older build.
set -euo pipefail
cd "$(dirname "$0")/.."

where=(--global)
build=()
configuration=Release
while [[ $# -gt 0 ]]; do
    case "$1" in
        --tool-path) where=(--tool-path "$2"); shift 2 ;;
        --no-build) build=(--no-build); shift ;;
        --configuration) configuration=$2; shift 2 ;;
        *) echo "usage: $0 [--tool-path DIR] [--no-build] [--configuration Release|Debug]" >&2; exit 2 ;;
    esac
done

version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
out=artifacts/cli
rm -f "$out"/Tandem.Cli.*.nupkg
# A build of its own is compiled ahead of time for this machine (TandemReadyToRun, see Tandem.Cli.csproj): every command
# starts about twice as fast. --no-build packs the plain build that is already there.
ready_to_run=()
if [[ ${#build[@]} -eq 0 ]]; then ready_to_run=(-p:TandemReadyToRun=true); fi
dotnet pack src/Tandem.Cli -c "$configuration" -o "$out" -p:Version="$version" "${build[@]}" "${ready_to_run[@]}" -nologo -v quiet >&2
# `update` installs the tool when it is missing and replaces it when it is there.
dotnet tool update "${where[@]}" --add-source "$out" Tandem.Cli --version "$version" >&2
echo "tandem $version installed"
