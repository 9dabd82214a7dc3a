/// The two scripts Gradescope runs: `setup.sh` once when it builds the image, `run_autograder`
/// once per submission. Both expect the bundle unpacked in `/autograder/source`.
enum GradescopeScripts {
  /// Installs libcmark and, when the image has none, the Swift toolchain from swift.org; builds
  /// the workbook; grades an empty submission once so the grading copy is built into the image.
  static func setup(swiftVersion: String) -> String {
    #"""
    #!/usr/bin/env bash
    # Gradescope runs this once, as root, when it builds the autograder image (Ubuntu).
    # It needs the network: apt-get, download.swift.org, and SwiftPM fetching the workbook's
    # one dependency (swift-argument-parser, pinned by workbook/Package.resolved).
    set -euo pipefail
    SWIFT_VERSION="${SWIFT_VERSION:-\#(swiftVersion)}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # bubblewrap sandboxes every student build and check; setpriv (util-linux) drops to nobody.
    apt-get install -y -qq libcmark-dev pkg-config curl ca-certificates bubblewrap util-linux
    if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
      # The toolchain's own dependencies on Ubuntu (see swift.org/install/linux).
      apt-get install -y -qq binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 \
        libpython3-dev libsqlite3-0 libxml2-dev libz3-dev libncurses-dev tzdata unzip \
        zlib1g-dev gcc g++
      . /etc/os-release
      arch="$(uname -m)"
      suffix=""
      if [ "$arch" = "aarch64" ]; then suffix="-aarch64"; fi
      release="swift-${SWIFT_VERSION}-RELEASE"
      url="https://download.swift.org/swift-${SWIFT_VERSION}-release/ubuntu${VERSION_ID//./}${suffix}/${release}/${release}-ubuntu${VERSION_ID}${suffix}.tar.gz"
      echo "setup: installing Swift ${SWIFT_VERSION} from ${url}"
      mkdir -p /opt/swift
      curl -fsSL "$url" | tar -xz -C /opt/swift --strip-components=1
    fi
    export PATH="/opt/swift/usr/bin:$PATH"
    swift --version
    cd /autograder/source/workbook
    if [ -n "${WORKBOOK_PREBUILT:-}" ]; then
      # An image (or a test) that already has a workbook binary built from this same source.
      mkdir -p .build/debug
      cp "$WORKBOOK_PREBUILT" .build/debug/workbook
    else
      swift build --product workbook
    fi
    # Grade an empty submission once: fetches the package's dependencies and builds every
    # topic's checker into /autograder/work (in the sandbox: this fails, saying why, if the image
    # cannot run bubblewrap), so each student's run is offline and rebuilds only their files.
    warmup="$(mktemp -d)"
    mkdir "$warmup/submissions" "$warmup/submissions/warmup"
    .build/debug/workbook grade "$warmup/submissions" --jobs 1 --work /autograder/work \
      --output "$warmup/grades"
    rm -rf "$warmup"

    """#
  }

  /// Grades `/autograder/submission` with `workbook grade` and puts its Gradescope results in
  /// `/autograder/results/results.json`; if grading itself fails, a zero score that says so.
  static func runAutograder(limits: CheckLimits, budget: Double = 600) -> String {
    #"""
    #!/usr/bin/env bash
    # Gradescope runs this once per submission. The student's exercise files are copied into a
    # grading copy of the bundled workbook (their Tests/ and Package.swift are ignored), each
    # topic is built and each exercise runs in a bubblewrap sandbox as nobody: no network, no
    # view of /autograder, every process it starts dies with it. It needs no network itself.
    # Seconds per exercise, megabytes per process, seconds for the whole submission:
    TIMEOUT=\#(Int(limits.timeout))
    MEMORY=\#(limits.memoryMegabytes)
    BUDGET=\#(Int(budget))
    set -uo pipefail
    export PATH="/opt/swift/usr/bin:$PATH"
    results=/autograder/results
    mkdir -p "$results"
    scratch="$(mktemp -d)"
    mkdir "$scratch/submissions"
    ln -s /autograder/submission "$scratch/submissions/submission"
    cd /autograder/source/workbook
    # workbook grade returns only when every sandbox of the submission, and every process in
    # it, is gone; results.json is then replaced in one rename, never written in place.
    if .build/debug/workbook grade "$scratch/submissions" --jobs 1 --timeout "$TIMEOUT" \
      --memory "$MEMORY" --budget "$BUDGET" --work /autograder/work --output "$scratch/grades"
    then
      graded="$scratch/grades/students/submission/results.json"
      if [ -f "$graded" ]; then
        cp "$graded" "$results/.results.json.tmp"
      else
        # Never leave Gradescope without results.json: say what went wrong instead.
        echo "run_autograder: workbook grade wrote no $graded; grades folder: $(ls "$scratch")" >&2
        cat > "$results/.results.json.tmp" <<EOF
    {"score": 0, "output": "The autograder could not find this submission's results. Please tell your instructor.", "stdout_visibility": "hidden", "tests": []}
    EOF
      fi
    else
      status=$?
      cat > "$results/.results.json.tmp" <<EOF
    {"score": 0, "output": "The autograder could not grade this submission (workbook grade exited with status $status). Please tell your instructor.", "stdout_visibility": "hidden", "tests": []}
    EOF
    fi
    mv -f "$results/.results.json.tmp" "$results/results.json"
    rm -rf "$scratch"

    """#
  }

  /// What the bundle is and how to use it.
  static let readme = """
    # Gradescope autograder for the workbook

    Upload `autograder.zip` (made of `setup.sh`, `run_autograder` and `workbook/`, at the root of
    the archive) as a Gradescope programming assignment's autograder, on an Ubuntu base image.

    - `setup.sh` installs libcmark-dev and, if the image has no `swift`, the Swift toolchain from
      swift.org into /opt/swift (set `SWIFT_VERSION` to change it), then builds the workbook and
      warms a grading copy in /autograder/work.
    - `run_autograder` grades /autograder/submission with `workbook grade`, offline, each build
      and check in a bubblewrap sandbox as nobody, and then writes
      /autograder/results/results.json: one test per exercise, one point per check. The image
      must allow user namespaces (setup.sh fails, saying so, if bubblewrap cannot run).
    - `workbook/` is the student edition (no Solutions/).

    Students submit their exercise files: `Exercises/<Topic>/<Exercise>.swift` (or the bare
    `<Exercise>.swift` files, or their whole workbook folder). Limits per exercise are at the top
    of `run_autograder` (TIMEOUT, MEMORY, and BUDGET for a whole submission).

    """
}
