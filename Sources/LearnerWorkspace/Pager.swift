import Harness

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a pager (`/bin/sh -c "$PAGER"`) on text, in the caller's process group.
///
/// Foundation's `Process` starts its child in a new process group; a pager started that way
/// is not in the terminal's foreground group, so the kernel stops it the moment it reads a key
/// (a blank screen, `q` ignored). `posix_spawn` without `POSIX_SPAWN_SETPGROUP` keeps it in
/// ours, which the shell made the foreground group.
public enum Pager {
  /// How a pager run ended.
  public enum Outcome: Equatable, Sendable {
    /// The pager ran and exited with status 0.
    case shown
    /// The pager could not be started: spawning failed, or the shell exited 126 or 127
    /// (not executable, not found), so it showed nothing.
    case couldNotStart
    /// The pager exited with another status, or was killed by a signal (as 128 + signal).
    case failed(status: Int32)
  }

  /// Whether the first word of `command` names a program that exists: a path that is
  /// executable, or a name found in `PATH`. A command the shell must interpret (a variable
  /// assignment, quotes, a pipe) counts as existing; the shell's status says the rest.
  public static func commandExists(_ command: String, path: String?) -> Bool {
    guard let first = command.split(separator: " ").first.map(String.init) else { return false }
    let shellSyntax = "=\"'$`|&;<>(){}\\*?[~"
    if first.contains(where: { shellSyntax.contains($0) }) { return true }
    if first.contains("/") { return access(first, X_OK) == 0 }
    let directories = (path ?? "/usr/bin:/bin").split(
      separator: ":", omittingEmptySubsequences: false)
    return directories.contains { directory in
      let folder = directory.isEmpty ? "." : String(directory)
      return access(folder + "/" + first, X_OK) == 0
    }
  }

  /// Starts `/bin/sh -c command` with a pipe on its standard input, writes `text` into it and
  /// waits for the pager to exit. The pager shares the terminal and the process group.
  /// Standard output should be flushed before.
  public static func run(_ command: String, text: String) -> Outcome {
    var ends: [Int32] = [-1, -1]
    // Close-on-exec on both ends: the child gets the read end only as its stdin (dup2 clears the
    // flag there); if it inherited the write end it would never see end of input.
    guard pipe(&ends) == 0 else { return .couldNotStart }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)

    // The signals this process ignores while the pager runs are reset to their defaults in
    // the child; no other attribute is set, and above all not POSIX_SPAWN_SETPGROUP.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGQUIT] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    let arguments = ["/bin/sh", "-c", command]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, &argv, environ)
    close(readEnd)
    guard spawned == 0 else {
      close(writeEnd)
      return .couldNotStart
    }

    // While the pager runs: a learner who quits after one screen closes the pipe (SIGPIPE
    // would kill us mid-write), and Ctrl-C or Ctrl-\ reach the whole foreground group, where
    // the pager handles them and we must stay to wait for it, as system(3) does.
    let previous = [SIGPIPE, SIGINT, SIGQUIT].map { ($0, signal($0, SIG_IGN)) }
    defer { for (number, handler) in previous { signal(number, handler) } }
    Array(text.utf8).withUnsafeBytes { writeAll($0, to: writeEnd) }
    close(writeEnd)

    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 {
      guard errno == EINTR else { return .failed(status: -1) }
    }
    let signalled = status & 0x7F
    guard signalled == 0 else { return .failed(status: 128 + signalled) }
    let code = (status >> 8) & 0xFF
    switch code {
    case 0: return .shown
    case 126, 127: return .couldNotStart
    default: return .failed(status: code)
    }
  }
}
