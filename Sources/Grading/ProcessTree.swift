import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The processes this one started, and everything they started: what `workbook watch` must end
/// when a check is cancelled. A check runs `swift build`, which starts compilers in process
/// groups of their own, so killing the child or its group is not enough; the whole tree is
/// found through `/proc` and killed until nothing of it is left.
///
/// A process whose parent dies is handed to the nearest "subreaper" ancestor, else to pid 1
/// (which in a container may never reap it). `becomeSubreaper()` makes this process that
/// ancestor, so an orphaned compiler stays in the tree to be found, killed and reaped.
public enum ProcessTree {
  /// Makes this process adopt its orphaned descendants (Linux `PR_SET_CHILD_SUBREAPER`);
  /// false where that is not available.
  @discardableResult
  public static func becomeSubreaper() -> Bool {
    #if os(Linux)
      // prctl is variadic, which Swift cannot call directly; every argument here is an
      // integer, passed in the same registers either way on Linux's calling conventions.
      typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return false }
      let setChildSubreaper: Int32 = 36
      return unsafeBitCast(symbol, to: Prctl.self)(setChildSubreaper, 1, 0, 0, 0) == 0
    #else
      return false
    #endif
  }

  /// One entry of the process table.
  public struct Entry: Sendable, Equatable {
    /// Its process id.
    public let pid: pid_t
    /// Its parent's.
    public let parent: pid_t
    /// Whether it has exited and waits to be reaped (state Z).
    public let isZombie: Bool
  }

  /// Every process whose ancestry leads to `root` (not `root` itself), read from `/proc`.
  public static func descendants(of root: pid_t = getpid()) -> [Entry] {
    let table = entries()
    var children: [pid_t: [Entry]] = [:]
    for entry in table { children[entry.parent, default: []].append(entry) }
    var found: [Entry] = []
    var frontier = [root]
    while let next = frontier.popLast() {
      for child in children[next] ?? [] where child.pid != root {
        found.append(child)
        frontier.append(child.pid)
      }
    }
    return found
  }

  /// Kills every descendant of this process with SIGKILL, again and again, until none is alive
  /// and `settled()` says that whatever started them has stopped starting more, or `timeout`
  /// seconds pass. Returns whether the tree is gone.
  ///
  /// Orphans adopted as subreaper are reaped here, but never a direct child: the `Process` that
  /// started it waits for it, and would wait forever if it were reaped behind its back. A
  /// process counts as an orphan once it has been seen with another parent.
  @discardableResult
  public static func killDescendants(timeout: Double = 2, settled: () -> Bool = { true }) -> Bool {
    let me = getpid()
    let deadline = Date().addingTimeInterval(timeout)
    var adopted = Set<pid_t>()
    while true {
      let living = descendants(of: me)
      for entry in living where entry.parent != me { adopted.insert(entry.pid) }
      for entry in living where !entry.isZombie { kill(entry.pid, SIGKILL) }
      var orphansLeft = false
      for entry in living where entry.isZombie && entry.parent == me && adopted.contains(entry.pid)
      {
        var status: Int32 = 0
        if waitpid(entry.pid, &status, WNOHANG) == 0 { orphansLeft = true }
      }
      let alive = living.contains { !$0.isZombie }
      if !alive && !orphansLeft && settled() { return true }
      if Date() >= deadline { return false }
      usleep(10_000)
    }
  }

  /// The process table from `/proc/<pid>/stat`: `pid (comm) state ppid ...`, where the command
  /// name may itself hold spaces and parentheses, so the fields are read after the last `)`.
  private static func entries() -> [Entry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name -> Entry? in
      guard let pid = pid_t(name),
        let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count >= 2, let parent = pid_t(fields[1]) else { return nil }
      return Entry(pid: pid, parent: parent, isZombie: fields[0] == "Z")
    }
  }
}
