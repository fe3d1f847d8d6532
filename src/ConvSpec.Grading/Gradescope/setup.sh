#!/usr/bin/env bash
# ConvSpec's Gradescope autograder, set-up: Gradescope runs this once, as root, when it builds the autograder's
# image (docs/grading.md, "Grading on Gradescope"). It installs only what is missing (the .NET 10 SDK, from the
# distribution's packages where they have it, else with Microsoft's dotnet-install script; bubblewrap), then
# builds the grader from the suite beside it. CONVSPEC_SETUP_NO_INSTALL=1 installs nothing and stops, naming
# what is missing: the mode in which the specs run this script on a development machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/suite"
no_install="${CONVSPEC_SETUP_NO_INSTALL:-0}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cannot_install() {
    echo "setup.sh: $1 is missing, and CONVSPEC_SETUP_NO_INSTALL=1 installs nothing." >&2
    exit 1
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then apt-get update; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

has_sdk() { command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep '^10\.' >/dev/null; }

if has_sdk; then
    echo "setup.sh: the .NET 10 SDK is present; not installing it."
elif [ "$no_install" = 1 ]; then
    cannot_install "the .NET 10 SDK"
else
    if [ "$apt_updated" = 0 ]; then apt-get update; apt_updated=1; fi
    if apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
        apt_install dotnet-sdk-10.0
    else
        # Installed under /usr, which the grader's sandbox mounts read-only for student code.
        apt_install ca-certificates curl libicu-dev
        curl -sSfL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
        bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
        ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
    fi
    has_sdk || { echo "setup.sh: the .NET 10 SDK did not install." >&2; exit 1; }
fi

if command -v bwrap >/dev/null 2>&1; then
    echo "setup.sh: bubblewrap is present; not installing it."
elif [ "$no_install" = 1 ]; then
    cannot_install "bubblewrap (bwrap)"
else
    apt_install bubblewrap
fi

# The grader itself, and the packages the graded specs build with, into this image's NuGet cache, so that
# grading a submission needs no network.
dotnet build "$suite/src/ConvSpec.Cli/ConvSpec.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary
dotnet restore "$suite/tests/Graded/ConvSpec.Tests.Graded.csproj" -v:q
echo "setup.sh: the grader is built."

# The pristine suite, built once into the image (`grade prepare`), so that run_autograder grades each submission at
# once. Where it cannot be built now (no sandbox while the image is built, say), each submission builds it first.
sandbox="$(sed -n 's/^sandbox=//p' "$here/run_autograder")"
if dotnet "$suite/src/ConvSpec.Cli/bin/Release/net10.0/ConvSpec.Cli.dll" grade prepare --setup-cache "$here/setup-cache" --suite "$suite" --sandbox "${sandbox:-bwrap}"; then
    echo "setup.sh: the pristine suite is built."
else
    echo "setup.sh: the pristine suite could not be built now; each submission will build it first (about a minute)." >&2
fi
