import Foundation
import Harness
import LearnerWorkspace

/// The limits one exercise's check process runs under, and the small `/bin/sh` wrapper that
/// applies them: `IsolatedGrading` runs the wrapper, which sets the limits and `exec`s the
/// check executable (same process, so the time limit's kill still reaches it).
public struct CheckLimits: Sendable, Equatable {
  /// The memory limit of `workbook grade` and `workbook check` unless told otherwise.
  public static let defaultMemoryMegabytes = 1024

  /// Seconds each exercise may run.
  public var timeout: Double
  /// Megabytes of address space (`ulimit -v`): an allocation past it fails, and Swift traps.
  public var memoryMegabytes: Int
  /// Megabytes a single file written by the student's code may grow to (`ulimit -f`).
  public var fileMegabytes: Int
  /// Processes and threads the check may have at once, itself included (`ulimit -p`, applied
  /// inside the sandbox, where it counts the sandbox's processes only).
  public var processes = 64

  /// Creates limits.
  public init(timeout: Double, memoryMegabytes: Int, fileMegabytes: Int = 64) {
    self.timeout = timeout
    self.memoryMegabytes = memoryMegabytes
    self.fileMegabytes = fileMegabytes
  }

  /// The wrapper script that runs `executable` in `folder` under these limits, without core
  /// dumps.
  public func wrapper(executable: URL, in folder: URL) -> String {
    """
    #!/bin/sh
    # Written by workbook grade: runs one check executable under the grading limits.
    ulimit -c 0
    ulimit -f \(fileMegabytes * 2048) || exit 70
    ulimit -v \(memoryMegabytes * 1024) || exit 70
    cd \(shellQuoted(folder.path)) || exit 70
    exec \(shellQuoted(executable.path)) "$@"

    """
  }

  /// Writes the wrapper of `executable` to `script`, executable, and returns `script`.
  @discardableResult
  public func writeWrapper(executable: URL, in folder: URL, to script: URL) throws -> URL {
    try AtomicFile.write(Data(wrapper(executable: executable, in: folder).utf8), to: script)
    guard chmod(script.path, 0o755) == 0 else {
      throw WorkbookError("cannot make \(script.path) executable")
    }
    return script
  }

  /// The environment of a check process: the grader's own, with short crash reports on stderr
  /// and temporary files in `folder`.
  public func environment(in folder: URL) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] =
      "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=24,output-to=stderr"
    environment["TMPDIR"] = folder.path
    environment["HOME"] = folder.path
    environment["WORKBOOK_MAINTAINER"] = nil
    return environment
  }

  /// `outcome` with the failure that ended it saying "ran out of its 1 GB memory limit" when
  /// what it printed shows an allocation failed, instead of naming only the crash.
  public func namingMemoryLimit(_ outcome: IsolatedOutcome) -> IsolatedOutcome {
    switch outcome.ending {
    case .crashed, .exited: break
    default: return outcome
    }
    guard Self.ranOutOfMemory(outcome.printed) else { return outcome }
    let ended = IsolatedGrading.describe(outcome.ending)
    let results = outcome.results.map { result -> CheckResult in
      guard !result.passed, result.message.hasPrefix(ended) else { return result }
      return CheckResult(
        exercise: result.exercise, check: result.check, passed: false,
        message: "ran out of its \(memoryLimitText) memory limit"
          + result.message.dropFirst(ended.count))
    }
    return outcome.replacing(results: results)
  }

  /// `1 GB`, `1.5 GB` or `512 MB`.
  public var memoryLimitText: String {
    if memoryMegabytes % 1024 == 0 { return "\(memoryMegabytes / 1024) GB" }
    if memoryMegabytes > 1024 { return String(format: "%.1f GB", Double(memoryMegabytes) / 1024) }
    return "\(memoryMegabytes) MB"
  }

  /// Seconds of CPU time each process may use (`ulimit -t`): a backstop behind the wall-clock
  /// limit, a little above it.
  public var cpuSeconds: Int { Int(timeout.rounded(.up)) + 5 }

  /// The `ulimit` commands of a sandboxed check, each fatal if it fails (status 70), ending in
  /// `;`: no core dumps, then file size, address space, processes and CPU time.
  public var ulimitLine: String {
    "ulimit -c 0; ulimit -f \(fileMegabytes * 2048) || exit 70;"
      + " ulimit -v \(memoryMegabytes * 1024) || exit 70; ulimit -p \(processes) || exit 70;"
      + " ulimit -t \(cpuSeconds) || exit 70;"
  }

  /// Whether what a process printed says it ran out of memory.
  public static func ranOutOfMemory(_ printed: String) -> Bool {
    let lowered = printed.lowercased()
    return [
      "failed to allocate", "out of memory", "cannot allocate memory", "could not allocate memory",
      "memory exhausted",
    ]
    .contains { lowered.contains($0) }
  }
}

/// `text` in single quotes for `/bin/sh`, any single quote spelled `'\''`.
func shellQuoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
