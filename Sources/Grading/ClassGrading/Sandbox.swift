import Foundation
import LearnerWorkspace

/// The bubblewrap sandbox that `workbook grade` runs every student build and check process in.
///
/// A check process sees only the machine's system folders and the Swift toolchain (read-only),
/// its check executable (read-only, at `/judge/<name>`), a private `/tmp`, and the submission's
/// scratch folder (at `/scratch`, its only writable place). It has no network, its own pid
/// namespace (when the check executable exits or is killed, every process it started dies with
/// it, and their pipes close) and rlimits on memory, processes, file size and CPU time. It runs
/// as `nobody`: a grader running as root first drops to uid 65534 with `setpriv`, then bubblewrap
/// makes an unprivileged user namespace; otherwise the user namespace maps uid 65534 to the
/// grader's own user. A build sees the grading copy read-only and its `.build` writable. The
/// sandbox's own root is read-only too: nothing can be created beside the mounts.
public struct Sandbox: Sendable, Equatable {
  /// The `bwrap` executable.
  public let bubblewrap: String
  /// `setpriv`, when the grader runs as root and drops to `nobody` before bubblewrap.
  public let setpriv: String?
  /// The Swift toolchain's root when it lies outside `/usr` (`/opt/swift`, say), or nil.
  public let toolchain: String?

  /// The user and group id of `nobody`, which student code runs as.
  public static let nobody: UInt32 = 65534
  /// Where the scratch folder appears inside a check's sandbox.
  public static let scratchPath = "/scratch"

  /// Creates a sandbox description.
  public init(bubblewrap: String, setpriv: String?, toolchain: String?) {
    self.bubblewrap = bubblewrap
    self.setpriv = setpriv
    self.toolchain = toolchain
  }

  /// The sandbox of this machine, after a trial run of bubblewrap; throws one line naming what
  /// is missing or what went wrong.
  public static func detect() throws -> Sandbox {
    guard let bubblewrap = findOnPath("bwrap") else {
      throw WorkbookError(
        "bubblewrap (bwrap) is not installed, so student code cannot be sandboxed: install it (apt-get install bubblewrap) or pass --unsafe-no-sandbox"
      )
    }
    let setpriv = geteuid() == 0 ? findOnPath("setpriv") : nil
    let swift = findOnPath("swift").map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
    // …/usr/bin/swift: the toolchain's root is three folders up.
    let root = swift?.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let toolchain = root.flatMap { $0 == "/" || $0.hasPrefix("/usr") ? nil : $0 }
    let sandbox = Sandbox(bubblewrap: bubblewrap, setpriv: setpriv, toolchain: toolchain)
    let trial = runCommand(sandbox.trialArguments(), in: URL(fileURLWithPath: "/"))
    guard trial.status == 0 else {
      let said = trial.output.split(separator: "\n").last.map(String.init) ?? "no message"
      throw WorkbookError(
        "bubblewrap cannot make a sandbox on this machine (\(said)); pass --unsafe-no-sandbox to grade without one"
      )
    }
    return sandbox
  }

  /// Who student code runs as, in one sentence for the grading log.
  public var userDescription: String {
    setpriv != nil
      ? "as nobody (uid 65534, dropped from root with setpriv)"
      : "as uid 65534 in a user namespace of uid \(getuid())"
  }

  /// The command that starts bubblewrap: through `setpriv` to `nobody` when the grader is root.
  private var launcher: [String] {
    guard let setpriv else { return [bubblewrap] }
    return [
      setpriv, "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", "--",
      bubblewrap,
    ]
  }

  /// What every sandbox shares: new namespaces of every kind (no network, own pids), death with
  /// the grader, a session of its own (no terminal to inject keys into), uid 65534, and the
  /// system folders read-only.
  private var common: [String] {
    var arguments = [
      "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--uid",
      "\(Self.nobody)", "--gid",
      "\(Self.nobody)", "--hostname", "sandbox", "--ro-bind", "/usr", "/usr",
    ]
    let manager = FileManager.default
    for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
      if let target = try? manager.destinationOfSymbolicLink(atPath: top) {
        arguments += ["--symlink", target, top]
      } else if manager.fileExists(atPath: top) {
        arguments += ["--ro-bind", top, top]
      }
    }
    if let toolchain { arguments += ["--ro-bind", toolchain, toolchain] }
    arguments += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--clearenv"]
    return arguments
  }

  /// A trivial run that fails when bubblewrap cannot make namespaces here.
  func trialArguments() -> [String] {
    launcher + common + ["--", "/bin/sh", "-c", "exit 0"]
  }

  /// Makes `scratch` writable by the sandbox's user (nobody, when the grader is root).
  public func prepareScratch(_ scratch: URL) throws {
    guard setpriv != nil else { return }
    guard chown(scratch.path, Self.nobody, Self.nobody) == 0 else {
      throw WorkbookError(
        "cannot hand \(scratch.path) to nobody: \(String(cString: strerror(errno)))")
    }
  }

  /// The wrapper script that runs `executable` (with the script's own arguments) in a sandbox
  /// whose only writable folder is `scratch`, under `limits`. `SWIFT_BACKTRACE` is the one
  /// variable of the caller's environment passed in (crash reports on stderr).
  public func wrapper(executable: URL, scratch: URL, limits: CheckLimits) -> String {
    let inside = "/judge/" + executable.lastPathComponent
    let options =
      launcher + common + [
        "--ro-bind", executable.path, inside, "--bind", scratch.path, Self.scratchPath,
        "--chdir", Self.scratchPath, "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME",
        Self.scratchPath, "--setenv", "TMPDIR", "/tmp", "--remount-ro", "/",
      ]
    // The limits are set inside, by a shell that then becomes the check executable: a process
    // limit set outside would count every process of `nobody` on the machine, not the sandbox's.
    let command = ["--", "/bin/sh", "-c", limits.ulimitLine + " exec \"$0\" \"$@\"", inside]
    return """
      #!/bin/sh
      # Written by workbook grade: runs one check executable in a bubblewrap sandbox under the
      # grading limits (the time limit is the caller's: it kills bwrap, and with it the sandbox).
      exec \(options.map(shellQuoted).joined(separator: " ")) \\
        --setenv SWIFT_BACKTRACE "${SWIFT_BACKTRACE:-}" \\
        \(command.map(shellQuoted).joined(separator: " ")) "$@"

      """
  }

  /// Writes the wrapper of `executable` to `script`, executable, and returns `script`.
  @discardableResult
  public func writeWrapper(
    executable: URL, scratch: URL, limits: CheckLimits, to script: URL
  ) throws -> URL {
    let text = wrapper(executable: executable, scratch: scratch, limits: limits)
    try AtomicFile.write(Data(text.utf8), to: script)
    guard chmod(script.path, 0o755) == 0 else {
      throw WorkbookError("cannot make \(script.path) executable")
    }
    return script
  }

  /// The command that runs `command` (a build) in a sandbox that sees `copy` read-only and its
  /// `.build` writable, with the toolchain and no network. Dependencies must be resolved before.
  public func buildArguments(copy: URL, command: [String]) -> [String] {
    let build = copy.appendingPathComponent(".build").path
    var path = "/usr/bin:/bin"
    if let toolchain { path = toolchain + "/usr/bin:" + path }
    // The build runs as uid 65534 inside a user namespace of the grader's own user, so it can
    // write `.build` (the grader's) without any capability.
    let arguments =
      [bubblewrap] + common + [
        "--ro-bind", "/etc", "/etc", "--ro-bind", copy.path, copy.path, "--bind", build, build,
        "--chdir", copy.path, "--setenv", "PATH", path, "--setenv", "HOME", "/tmp",
        "--setenv", "TMPDIR", "/tmp", "--remount-ro", "/", "--",
      ]
    return arguments + command
  }
}

/// The full path of `name` on PATH, if it is there and executable.
func findOnPath(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for folder in path.split(separator: ":") {
    let candidate = "\(folder)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}
